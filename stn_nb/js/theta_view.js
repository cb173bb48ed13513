const SIZE = 220;

function drawImage(canvas, data, C, H, W) {
  const off = document.createElement('canvas');
  off.width = W; off.height = H;
  const ctx = off.getContext('2d'), im = ctx.createImageData(W, H);
  for (let p = 0; p < H * W; p++) {
    for (let k = 0; k < 3; k++) im.data[4 * p + k] = Math.max(0, Math.min(255, Math.round(255 * data[(C === 3 ? k : 0) * H * W + p])));
    im.data[4 * p + 3] = 255;
  }
  ctx.putImageData(im, 0, 0);
  const c = canvas.getContext('2d');
  c.imageSmoothingEnabled = false;
  c.fillStyle = '#fff'; c.fillRect(0, 0, canvas.width, canvas.height);
  return c.drawImage.bind(c, off);
}

function edgeGrid(n) {
  const pts = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) pts.push(-1 + 2 * j / (n - 1), -1 + 2 * i / (n - 1));
  return pts;
}

function render({ model, el }) {
  const root = document.createElement('div'); root.className = 'stn-theta-explorer';
  const row = document.createElement('div'); row.className = 'stn-row';
  const cin = document.createElement('canvas'), cout = document.createElement('canvas');
  cin.width = cin.height = cout.width = cout.height = SIZE;
  cin.className = 'stn-input'; cout.className = 'stn-output';
  row.append(cin, cout);
  const controls = document.createElement('div'); controls.className = 'stn-controls';
  const readout = document.createElement('div'); readout.className = 'stn-theta-readout';
  const reset = document.createElement('button'); reset.textContent = 'reset'; reset.className = 'stn-reset';
  root.append(row, controls, reset, readout);
  el.appendChild(root);

  const pad = SIZE / 6, inner = SIZE - 2 * pad;   // the input is drawn with a margin, so grids that leave it stay visible
  let theta = model.get('theta').slice(), dragging = -1;
  const kind = () => model.get('grid'), ctrl = () => model.get('ctrl');
  const dims = () => [model.get('channels'), model.get('height'), model.get('width')];
  const pixels = () => {
    const b = model.get('img'), u8 = new Uint8Array(b.buffer ? b.buffer : b, b.byteOffset || 0, b.byteLength);
    return Float64Array.from(u8, v => v / 255);
  };
  const toCanvas = (x, y) => [pad + (x + 1) / 2 * inner, pad + (y + 1) / 2 * inner];
  const fromCanvas = (u, v) => [(u - pad) / inner * 2 - 1, (v - pad) / inner * 2 - 1];

  function draw() {
    try { drawAll(); root.classList.remove('stn-error'); }
    catch (e) { readout.textContent = 'error: ' + e.message; root.classList.add('stn-error'); console.error(e); }   // shown, not swallowed
  }
  function drawAll() {
    const [C, H, W] = dims(), img = pixels(), [Ho, Wo] = model.get('out_size');
    drawImage(cin, img, C, H, W)(pad, pad, inner, inner);
    const n = 9, g = transformPoints(kind(), theta, ctrl(), edgeGrid(n));
    const c = cin.getContext('2d');
    c.strokeStyle = '#e33'; c.lineWidth = 1;
    for (let i = 0; i < n; i++) for (const along of [0, 1]) {
      c.beginPath();
      for (let j = 0; j < n; j++) {
        const k = along ? i * n + j : j * n + i, [u, v] = toCanvas(g[2 * k], g[2 * k + 1]);
        j ? c.lineTo(u, v) : c.moveTo(u, v);
      }
      c.stroke();
    }
    if (kind() === 'tps') {
      c.fillStyle = '#36f';
      for (let k = 0; k < theta.length / 2; k++) { const [u, v] = toCanvas(theta[2 * k], theta[2 * k + 1]); c.beginPath(); c.arc(u, v, 4, 0, 2 * Math.PI); c.fill(); }
    }
    drawImage(cout, warp(img, C, H, W, kind(), theta, ctrl(), Ho, Wo), C, Ho, Wo)(0, 0, SIZE, SIZE);
    readout.textContent = 'θ = [' + theta.map(v => v.toFixed(3)).join(', ') + ']';
    controls.querySelectorAll('input').forEach((s, i) => { s.value = theta[i]; s.nextSibling.textContent = theta[i].toFixed(2); });
  }
  function commit() { model.set('theta', theta.slice()); model.save_changes(); }

  const names = model.get('names'), ranges = model.get('ranges');
  if (kind() !== 'tps') names.forEach((name, i) => {
    const lab = document.createElement('label'), s = document.createElement('input'), val = document.createElement('span');
    lab.textContent = name; s.type = 'range'; s.min = ranges[i][0]; s.max = ranges[i][1]; s.step = 0.01; s.value = theta[i];
    s.dataset.index = i;
    s.addEventListener('input', () => { theta[i] = parseFloat(s.value); draw(); commit(); });
    lab.append(s, val); controls.appendChild(lab);
  });
  cin.addEventListener('mousedown', e => {
    if (kind() !== 'tps') return;
    const r = cin.getBoundingClientRect(), [x, y] = fromCanvas(e.clientX - r.left, e.clientY - r.top);
    let best = 0.15;
    for (let k = 0; k < theta.length / 2; k++) { const d = Math.hypot(theta[2 * k] - x, theta[2 * k + 1] - y); if (d < best) { best = d; dragging = k; } }
  });
  cin.addEventListener('mousemove', e => {
    if (dragging < 0) return;
    const r = cin.getBoundingClientRect(), [x, y] = fromCanvas(e.clientX - r.left, e.clientY - r.top);
    theta[2 * dragging] = x; theta[2 * dragging + 1] = y; draw();
  });
  window.addEventListener('mouseup', () => { if (dragging >= 0) { dragging = -1; commit(); } });
  reset.addEventListener('click', () => { theta = model.get('identity').slice(); draw(); commit(); });
  model.on('change:theta', () => { theta = model.get('theta').slice(); draw(); });
  draw();
}
export default { render };
