"""Open the built pages that carry θ explorers from disk in Chromium and exercise every explorer (and check that the view reports a JavaScript error instead of swallowing it): move a slider with the
keyboard (or, on a thin plate spline explorer, drag a control point with the mouse) and check that the output canvas and
the θ readout follow, that θ moved by what was asked, and that the pages asked for nothing outside this machine.
Saves a screenshot of each explorer. Needs Debian's chromium and pip's playwright (no browser download)."""
from pathlib import Path
import re, sys
from playwright.sync_api import sync_playwright

root = Path(__file__).resolve().parents[1]
ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic']
PAGES = {'widgets': ['affine', 'attention', 'projective', 'tps'], 'distorted_mnist': ['affine']}  # page → the explorers it shows

def theta_of(readout):
    "θ from the readout text 'θ = [a, b, ...]'"
    return [float(v) for v in re.search(r'\[(.*)\]', readout).group(1).split(',')]

def move_slider(page, ex):
    "Press ← 15 times on the first slider (step 0.01): θ[0] must drop by 0.15"
    slider = ex.locator('.stn-controls input[type=range]').first
    v0 = float(slider.input_value())
    slider.focus()
    for _ in range(15): page.keyboard.press('ArrowLeft')
    v1 = float(slider.input_value())
    assert abs(v1 - (v0 - 0.15)) < 1e-6, (v0, v1)
    return 0, v1, f"slider {v0:.2f} -> {v1:.2f}"

def drag_point(page, ex, theta, k=5, dx=24, dy=-18):
    "Drag TPS control point `k` by (dx, dy) pixels: its θ entries must move to where the mouse let go"
    cin = ex.locator('canvas.stn-input')
    box, w = cin.bounding_box(), cin.evaluate('c => c.width')
    pad = w / 6; inner = w - 2 * pad                  # the widget draws the input with a margin of a sixth
    u, v = box['x'] + pad + (theta[2 * k] + 1) / 2 * inner, box['y'] + pad + (theta[2 * k + 1] + 1) / 2 * inner
    page.mouse.move(u, v); page.mouse.down()
    for s in range(1, 7): page.mouse.move(u + dx * s / 6, v + dy * s / 6)
    page.mouse.up()
    return 2 * k, (theta[2 * k] + 2 * dx / inner, theta[2 * k + 1] + 2 * dy / inner), f"control point {k} dragged by ({dx}, {dy}) px"

def error_shown(page):
    "Render the view with a θ of the wrong length (the kind of state that used to break its JavaScript): the readout must say what went wrong"
    import base64, json
    sys.path.insert(0, str(root))
    from stn_nb.widgets import ThetaExplorer
    from stn_nb.viz import letter_f
    w = ThetaExplorer(letter_f())
    st = {k: v for k, v in w.get_state().items() if k in ('grid', 'identity', 'ctrl', 'names', 'ranges', 'channels', 'height', 'width', 'out_size')}
    st['theta'], img, esm = [1.0, 2.0], list(w.img), base64.b64encode(w._esm.encode()).decode()
    w.close()
    page.set_content('<html><body></body></html>')
    return page.evaluate("""async ([st, img, esm]) => {
        const mod = await import('data:text/javascript;base64,' + esm);
        const state = {...st, img: new Uint8Array(img)};
        const model = {get: k => state[k], set: (k, v) => { state[k] = v; }, save_changes() {}, on() {}};
        const el = document.createElement('div'); document.body.appendChild(el);
        mod.default.render({model, el});
        return el.querySelector('.stn-theta-readout').textContent;
    }""", [st, img, esm])

ANIMATIONS = ('colocalisation', 'distorted_mnist')  # pages whose first animation must play: Fig. 4, θ during training

def animation_plays(page, html):
    "Play the first matplotlib animation on `html` (Fig. 4's optimisation, θ during training) and check that its frame changes, without a kernel"
    page.goto(html.as_uri())
    anim = page.locator('.animation').first
    anim.wait_for(timeout=30_000)
    img = anim.locator('img').first
    n = len(page.content().split('data:image/png;base64')) - 1
    src0 = img.get_attribute('src')
    anim.locator('button[title="Play"]').first.click()
    page.wait_for_function('([el, s]) => el.src !== s', arg=[img.element_handle(), src0], timeout=10_000)
    anim.locator('button[title="Pause"]').first.click()  # stopped before the page is left: a timer firing during unload finds no <img>
    return f"{html.name}: the animation ({n} embedded frames) plays, its frame changed"

def check(out_dir=root / '_docs', shots=root / '_docs' / 'screenshots'):
    outside, errors, report = [], [], []
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path='/usr/bin/chromium', args=ARGS)
        page = browser.new_page(viewport={'width': 1200, 'height': 1400})
        def route(r):
            url = r.request.url
            if url.startswith(('file://', 'data:', 'blob:')) or url.startswith(('http://127.0.0.1', 'http://localhost')): return r.continue_()
            outside.append(url); r.abort()
        page.route('**/*', route)
        page.on('pageerror', lambda e: errors.append(str(e)))
        for name, kinds in PAGES.items():
            page.goto((out_dir / f'{name}.html').as_uri())
            explorers = page.locator('.stn-theta-explorer')
            explorers.nth(len(kinds) - 1).wait_for(timeout=30_000)
            assert explorers.count() == len(kinds), f"{name}.html shows {explorers.count()} explorers, expected {len(kinds)}"
            for i, kind in enumerate(kinds):
                ex = explorers.nth(i)
                ex.scroll_into_view_if_needed()
                out, readout = ex.locator('canvas.stn-output'), ex.locator('.stn-theta-readout')
                before, r0 = out.evaluate('c => c.toDataURL()'), readout.inner_text()
                n_sliders = ex.locator('.stn-controls input[type=range]').count()
                if kind == 'tps':
                    assert n_sliders == 0, f"the TPS explorer should have no sliders, has {n_sliders}"
                    j, want, what = drag_point(page, ex, theta_of(r0))
                else:
                    assert n_sliders == {'affine': 6, 'attention': 3, 'projective': 8}[kind], (kind, n_sliders)
                    j, want, what = move_slider(page, ex)
                after, r1 = out.evaluate('c => c.toDataURL()'), readout.inner_text()
                t0, t1 = theta_of(r0), theta_of(r1)
                moved = [a for a in range(len(t0)) if abs(t1[a] - t0[a]) > 5e-4]
                if kind == 'tps':
                    assert moved and set(moved) <= {j, j + 1}, (r0, r1)
                    assert abs(t1[j] - want[0]) < 0.03 and abs(t1[j + 1] - want[1]) < 0.03, (t1[j:j + 2], want)
                else:
                    assert moved == [j] and abs(t1[j] - want) < 1e-3, (r0, r1)
                assert after != before, f"{name}.html: the {kind} explorer's output canvas did not change"
                shot = shots / f'{name}-{i}-{kind}.png'
                ex.screenshot(path=str(shot))
                report.append(f"{name}.html {kind}: {what}, θ {[round(t0[a], 3) for a in moved]} -> {[round(t1[a], 3) for a in moved]}, canvas changed ({shot.name})")
        for name in ANIMATIONS: report.append(animation_plays(page, out_dir / f'{name}.html'))
        shown = error_shown(page)
        assert shown.startswith('error: '), shown
        report.append(f"a θ of the wrong length is reported in the view: {shown!r}")
        browser.close()
    assert not outside, f"the pages requested outside addresses: {outside}"
    assert not errors, errors
    print('\n'.join(report))
    print(f"site check passed: {len(report) - 1 - len(ANIMATIONS)} explorers and {len(ANIMATIONS)} animations, 0 outside requests; screenshots in {shots}")

if __name__ == '__main__': check(*map(Path, sys.argv[1:]))
