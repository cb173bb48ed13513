"""Start JupyterLab on 127.0.0.1, open nbs/04_widgets.ipynb, run it, move a θ slider of the affine explorer and drag a control
point of the thin plate spline explorer, and read each new θ back in Python. Needs Debian's chromium, pip's playwright and jupyterlab."""
from pathlib import Path
import socket, subprocess, sys, time, urllib.request
from playwright.sync_api import sync_playwright
from check_site import drag_point

root = Path(__file__).resolve().parents[1]
ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--disable-quic']

def free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def check(shot=root / '_docs' / 'screenshots' / 'lab.png'):
    import shutil, tempfile
    port, work = free_port(), Path(tempfile.mkdtemp())
    shutil.copy(root / 'nbs' / '04_widgets.ipynb', work)   # Lab autosaves: work on a copy, never on the source
    lab = subprocess.Popen([sys.executable, '-m', 'jupyterlab', '--allow-root', '--no-browser', '--ip=127.0.0.1', f'--port={port}',
                            "--ServerApp.token=''", "--ServerApp.password=''", '--LabApp.news_url=None', '--LabApp.expose_app_in_browser=True',
                            '--ServerApp.root_dir=' + str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f'http://127.0.0.1:{port}'
        for _ in range(120):
            try: urllib.request.urlopen(base + '/api', timeout=1); break
            except OSError: time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path='/usr/bin/chromium', args=ARGS)
            page = browser.new_page(viewport={'width': 1400, 'height': 1000})
            try: text, v0, v1, (t0, t1, k, want) = drive(page, base)
            except Exception:
                shot.parent.mkdir(parents=True, exist_ok=True); page.screenshot(path=str(shot)); raise
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot))
            browser.close()
    finally: lab.terminate(); lab.wait(timeout=30)
    theta = text
    assert abs(v1 - v0) > 0.1, (v0, v1)
    assert abs(theta[0] - v1) < 1e-9, (theta, v1)
    moved = [a for a in range(len(t0)) if abs(t1[a] - t0[a]) > 5e-4]
    assert moved and set(moved) <= {k, k + 1}, (t0, t1)
    assert abs(t1[k] - want[0]) < 0.03 and abs(t1[k + 1] - want[1]) < 0.03, (t1[k:k + 2], want)
    print(f"lab check passed: slider {v0:.2f} -> {v1:.2f}, Python reads affine.theta = {theta}; TPS control point {k // 2} dragged, "
          f"Python reads tps.theta[{k}:{k + 2}] {[round(v, 3) for v in t0[k:k + 2]]} -> {[round(v, 3) for v in t1[k:k + 2]]}; screenshot {shot}")

def drive(page, base):
    "Open the notebook, run it, move the first slider, and read w.theta in the kernel; returns (θ, v0, v1)"
    page.goto(f'{base}/lab/tree/04_widgets.ipynb')
    page.locator('.jp-Notebook').first.wait_for(timeout=60_000)
    page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle'", timeout=60_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    slider = page.locator('.stn-controls input[type=range]').first
    slider.wait_for(timeout=40_000)
    page.wait_for_function("() => [...document.querySelectorAll('.jp-InputArea-prompt')].every(e => !e.textContent.includes('*'))", timeout=120_000)
    v0 = float(slider.input_value())
    box = slider.bounding_box()
    slider.click(position={'x': box['width'] * 0.3, 'y': box['height'] / 2})
    page.wait_for_timeout(500)
    v1 = float(slider.input_value())
    theta = kernel_eval(base, 'affine.theta')
    ex = page.locator('.stn-theta-explorer').nth(3)                  # the thin plate spline explorer
    ex.scroll_into_view_if_needed()
    t0 = kernel_eval(base, 'tps.theta')
    k, want, _ = drag_point(page, ex, t0)
    page.wait_for_timeout(500)
    return theta, v0, v1, (t0, kernel_eval(base, 'tps.theta'), k, want)

def kernel_eval(base, expr):
    "Evaluate `expr` in the kernel of the open notebook, through its connection file, and return the value"
    import json
    from jupyter_client import BlockingKernelClient
    from jupyter_core.paths import jupyter_runtime_dir
    (sess,) = json.load(urllib.request.urlopen(base + '/api/sessions'))
    kc = BlockingKernelClient(connection_file=str(Path(jupyter_runtime_dir()) / f"kernel-{sess['kernel']['id']}.json"))
    kc.load_connection_file(); kc.start_channels()
    try:
        msg = kc.execute_interactive(f'print(repr({expr}))', output_hook=lambda m: out.append(m), timeout=60) if (out := []) is not None else None
        return eval(next(m['content']['text'] for m in out if m['msg_type'] == 'stream'))
    finally: kc.stop_channels()

if __name__ == '__main__': check()
