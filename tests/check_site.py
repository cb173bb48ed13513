"""Open the built widgets page from disk in Chromium, move a θ slider, and check that the canvas and the θ readout follow
and that the page asked for nothing outside this machine. Needs Debian's chromium and pip's playwright (no browser download)."""
from pathlib import Path
import sys
from playwright.sync_api import sync_playwright

root = Path(__file__).resolve().parents[1]
ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic']

def check(page_path=root / '_docs' / 'widgets.html', shot=root / '_docs' / 'screenshots' / 'widgets.png'):
    outside = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path='/usr/bin/chromium', args=ARGS)
        page = browser.new_page(viewport={'width': 1200, 'height': 1400})
        def route(r):
            url = r.request.url
            if url.startswith(('file://', 'data:', 'blob:')) or url.startswith(('http://127.0.0.1', 'http://localhost')): return r.continue_()
            outside.append(url); r.abort()
        page.route('**/*', route)
        errors = []
        page.on('pageerror', lambda e: errors.append(str(e)))
        page.goto(page_path.as_uri())
        out = page.locator('.stn-output').first
        out.wait_for(timeout=30_000)
        before = out.evaluate('c => c.toDataURL()')
        readout = page.locator('.stn-theta-readout').first
        r0 = readout.inner_text()
        slider = page.locator('.stn-controls input[type=range]').first
        v0 = float(slider.input_value())
        slider.focus()
        for _ in range(15): page.keyboard.press('ArrowLeft')
        v1 = float(slider.input_value())
        after, r1 = out.evaluate('c => c.toDataURL()'), readout.inner_text()
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.locator('.stn-theta-explorer').first.screenshot(path=str(shot))
        browser.close()
    assert abs(v1 - (v0 - 0.15)) < 1e-6, (v0, v1)
    assert after != before, "the output canvas did not change when the slider moved"
    assert r1 != r0 and f'{v1:.3f}' in r1, (r0, r1)
    assert not outside, f"the page requested outside addresses: {outside}"
    assert not errors, errors
    print(f"site check passed: slider {v0:.2f} -> {v1:.2f}, readout {r0!r} -> {r1!r}, canvas changed, 0 outside requests; screenshot {shot}")

if __name__ == '__main__': check(*map(Path, sys.argv[1:]))
