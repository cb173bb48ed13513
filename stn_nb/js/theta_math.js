// ThetaExplorer: the package's grid generators and bilinear sampler (zeros padding, align_corners=False) in JavaScript.
export function tpsKernel(r2) { return r2 > 0 ? r2 * Math.log(r2) : 0; }

export function solve(A, b) {
  // Gaussian elimination with partial pivoting; A is n×n (array of rows), b is n×m; returns x (n×m)
  const n = A.length, m = b[0].length;
  const M = A.map((row, i) => row.concat(b[i]));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      if (f !== 0) for (let k = c; k < n + m; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row, i) => row.slice(n).map(v => v / row[i]));
}

export function tpsCoefficients(ctrl, theta) {
  // ctrl, theta: flat [x1, y1, x2, y2, ...]; returns [w (K×2), a (3×2)] for T(p) = a0 + a1 x + a2 y + Σ w_k φ(|p − P_k|)
  const K = ctrl.length / 2, L = [];
  for (let j = 0; j < K + 3; j++) L.push(new Array(K + 3).fill(0));
  for (let j = 0; j < K; j++) {
    for (let k = 0; k < K; k++) {
      const dx = ctrl[2 * j] - ctrl[2 * k], dy = ctrl[2 * j + 1] - ctrl[2 * k + 1];
      L[j][k] = tpsKernel(dx * dx + dy * dy);
    }
    const P = [1, ctrl[2 * j], ctrl[2 * j + 1]];
    for (let c = 0; c < 3; c++) { L[j][K + c] = P[c]; L[K + c][j] = P[c]; }
  }
  const b = [];
  for (let j = 0; j < K; j++) b.push([theta[2 * j], theta[2 * j + 1]]);
  for (let c = 0; c < 3; c++) b.push([0, 0]);
  return solve(L, b);
}

export function transformPoints(kind, theta, ctrl, pts, eps = 1e-3) {
  // pts: flat [x, y, ...] target points; returns the source points T_θ(pts), flat
  const out = new Float64Array(pts.length), t = theta;
  const coef = kind === 'tps' ? tpsCoefficients(ctrl, theta) : null;
  for (let i = 0; i < pts.length; i += 2) {
    const x = pts[i], y = pts[i + 1];
    let xs, ys;
    if (kind === 'affine') { xs = t[0] * x + t[1] * y + t[2]; ys = t[3] * x + t[4] * y + t[5]; }
    else if (kind === 'attention') { xs = t[0] * x + t[1]; ys = t[0] * y + t[2]; }
    else if (kind === 'projective') {
      let w = t[6] * x + t[7] * y + 1;
      if (Math.abs(w) < eps) w = w < 0 ? -eps : eps;
      xs = (t[0] * x + t[1] * y + t[2]) / w; ys = (t[3] * x + t[4] * y + t[5]) / w;
    } else {
      const K = ctrl.length / 2;
      xs = coef[K][0] + coef[K + 1][0] * x + coef[K + 2][0] * y;
      ys = coef[K][1] + coef[K + 1][1] * x + coef[K + 2][1] * y;
      for (let k = 0; k < K; k++) {
        const dx = x - ctrl[2 * k], dy = y - ctrl[2 * k + 1], phi = tpsKernel(dx * dx + dy * dy);
        xs += coef[k][0] * phi; ys += coef[k][1] * phi;
      }
    }
    out[i] = xs; out[i + 1] = ys;
  }
  return out;
}

export function baseGrid(Ho, Wo) {
  const g = new Float64Array(2 * Ho * Wo);
  for (let i = 0; i < Ho; i++) for (let j = 0; j < Wo; j++) {
    g[2 * (i * Wo + j)] = (2 * j + 1) / Wo - 1; g[2 * (i * Wo + j) + 1] = (2 * i + 1) / Ho - 1;
  }
  return g;
}

export function warp(img, C, H, W, kind, theta, ctrl, Ho, Wo, eps = 1e-3) {
  // img: flat (C, H, W) values; bilinear sampling with zeros padding at T_θ(G); returns flat (C, Ho, Wo)
  const src = transformPoints(kind, theta, ctrl, baseGrid(Ho, Wo), eps);
  const V = new Float64Array(C * Ho * Wo);
  for (let p = 0; p < Ho * Wo; p++) {
    const x = ((src[2 * p] + 1) * W - 1) / 2, y = ((src[2 * p + 1] + 1) * H - 1) / 2;
    const x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
    const taps = [[x0, y0, (1 - fx) * (1 - fy)], [x0 + 1, y0, fx * (1 - fy)], [x0, y0 + 1, (1 - fx) * fy], [x0 + 1, y0 + 1, fx * fy]];
    for (const [m, n, w] of taps) {
      if (m < 0 || m > W - 1 || n < 0 || n > H - 1 || w === 0) continue;
      for (let c = 0; c < C; c++) V[c * Ho * Wo + p] += w * img[c * H * W + n * W + m];
    }
  }
  return V;
}
