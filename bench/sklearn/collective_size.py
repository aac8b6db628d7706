"""scikit-learn side of the end-to-end `pipeline` scenario (see bench/README.md).

Reads the data written by `dotnet run -c Release --project bench/FairCollective.Bench -- pipeline-export ...`
(per seed the exact encoded train/test matrices, labels and minority flags FairCollective uses, and the grid of the
paper's collective-size experiment) and runs that grid the way a scikit-learn user would:

* collective: a prefix of a seeded numpy permutation of the minority's training rows (nested across alpha; the
  members differ from FairCollective's, which is fine: the curves must agree within seed noise);
  pool = members with y = 0; size = floor(alpha * minority + 0.5); flips = floor(f * pool + 0.5);
* RB-prob: LogisticRegression on all majority training rows, score = predict_proba;
  RB-label: NearestNeighbors(k) on majority rows, score = positives among the k;
  RB-dist: NearestNeighbors(k) on positive majority rows, score = -mean distance;
  ties in a seeded random order. A row's score does not depend on the collective (the collective knows all
  majority rows), so each strategy scores every minority y = 0 row once per seed (cheaper than FairCollective,
  which scores each collective's pool: this favours scikit-learn);
* firm: LogisticRegression(C, lbfgs, default tol=1e-4, max_iter=MAX_ITER); cells with 0 flips reuse the
  unchanged firm (as FairCollective does); EqOd = (|dTPR| + |dFPR|) / 2 on the test split, minority vs majority.

--with-random adds the Random strategy (the pool in a seeded random order), so the grid is the README job's (its
3,785 cells on COMPAS with Base); --figures DIR draws the best-EqOd-by-alpha curves (mean and seed standard deviation
per method) as PNG and SVG with matplotlib, the counterpart of the report's figure. Neither computes the bootstrap
intervals FairCollective stores for every metric (this favours scikit-learn).

Single process, default threading (scikit-learn's OpenMP loss and scipy's OpenBLAS use every core), as a user would
run it. Prints the timing and the best-EqOd-by-alpha table (min over budgets of the seed-mean EqOd) and writes it
with the same columns as the C# scenario; --cells writes every cell.
"""
import argparse
import json
import os
import time
import warnings

import numpy as np
from sklearn import __version__ as sklearn_version
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import NearestNeighbors

# lbfgs needs ~260 iterations on Adult's one-hot design; scikit-learn's default of 100 would stop early there.
MAX_ITER = 1000
HEADER = "dataset,method,alpha,best_budget,mean_flips,eqod_mean,eqod_std,error_mean,seeds"


def load_split(root, entry):
    def arr(key, dtype):
        return np.fromfile(os.path.join(root, entry["files"][key]), dtype=np.dtype(dtype).newbyteorder("<"))

    cols = entry["cols"]
    return {
        "train_x": arr("train_x", np.float64).reshape(entry["train_rows"], cols),
        "train_y": arr("train_y", np.int32).astype(np.int64),
        "train_minority": arr("train_minority", np.int32).astype(bool),
        "test_x": arr("test_x", np.float64).reshape(entry["test_rows"], cols),
        "test_y": arr("test_y", np.int32).astype(np.int64),
        "test_minority": arr("test_minority", np.int32).astype(bool),
        "sensitive_columns": entry.get("sensitive_columns", []),
    }


def eqod_and_error(y, pred, minority):
    def rates(mask):
        yt, yp = y[mask], pred[mask]
        pos, neg = yt == 1, yt == 0
        tpr = yp[pos].mean() if pos.any() else np.nan
        fpr = yp[neg].mean() if neg.any() else np.nan
        return tpr, fpr

    tpr1, fpr1 = rates(minority)
    tpr0, fpr0 = rates(~minority)
    return 0.5 * (abs(tpr1 - tpr0) + abs(fpr1 - fpr0)), float((pred != y).mean())


class Firm:
    """Fits the firm's model and keeps the time and iterations of every fit."""

    def __init__(self, c):
        self.c, self.seconds, self.fits, self.iterations, self.unconverged = c, 0.0, 0, [], 0

    def fit_predict(self, x, y, x_test):
        start = time.perf_counter()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            model = LogisticRegression(C=self.c, solver="lbfgs", max_iter=MAX_ITER).fit(x, y)
        pred = model.predict(x_test)
        self.seconds += time.perf_counter() - start
        self.fits += 1
        self.iterations.append(int(model.n_iter_[0]))
        self.unconverged += any(issubclass(w.category, ConvergenceWarning) for w in caught)
        return pred


def strategy_scores(s, k, c, rows):
    """Scores of the given training rows (minority, y = 0) under each strategy."""
    # The default scoring space: the firm's features without the sensitive attribute's columns (method.md section 3).
    x = np.delete(s["train_x"], s.get("sensitive_columns", []), axis=1)
    y, majority = s["train_y"], ~s["train_minority"]
    maj_x, maj_y = x[majority], y[majority]
    q = x[rows]
    scores = {}
    prob = LogisticRegression(C=c, solver="lbfgs", max_iter=MAX_ITER).fit(maj_x, maj_y)
    scores["RB-prob"] = prob.predict_proba(q)[:, 1]
    _, idx = NearestNeighbors(n_neighbors=k).fit(maj_x).kneighbors(q)
    scores["RB-label"] = maj_y[idx].sum(axis=1).astype(np.float64)
    dist, _ = NearestNeighbors(n_neighbors=k).fit(maj_x[maj_y == 1]).kneighbors(q)
    scores["RB-dist"] = -dist.mean(axis=1)
    return scores


def run_seed(s, seed, grid, dataset, firm, timing):
    rng = np.random.default_rng(seed)
    x, y, x_test = s["train_x"], s["train_y"], s["test_x"]
    minority_rows = np.flatnonzero(s["train_minority"])
    order = minority_rows[rng.permutation(len(minority_rows))]

    base_pred = firm.fit_predict(x, y, x_test)
    base = eqod_and_error(s["test_y"], base_pred, s["test_minority"])
    cells = [(dataset, seed, "Base", 0.0, 0, 0, "none", 0, *base)]

    start = time.perf_counter()
    candidates = minority_rows[y[minority_rows] == 0]
    by_row = {name: dict(zip(candidates.tolist(), v)) for name, v in strategy_scores(s, grid["k"], grid["c"], candidates).items()}
    timing["scoring"] += time.perf_counter() - start

    for strategy in grid["strategies"]:
        for alpha in grid["alphas"]:
            members = order[: int(np.floor(alpha * len(minority_rows) + 0.5))]
            pool = members[y[members] == 0]
            if strategy == "Random":
                ranking = rng.permutation(len(pool))  # the pool in a seeded random order
            else:
                score = np.array([by_row[strategy][r] for r in pool.tolist()], dtype=np.float64)
                tiebreak = rng.random(len(pool))
                ranking = np.lexsort((tiebreak, -score))  # score descending, ties seeded-random
            for f in grid["budget_fractions"]:
                flips = int(np.floor(f * len(pool) + 0.5))
                if flips == 0:
                    metrics = base
                else:
                    labels = y.copy()
                    labels[pool[ranking[:flips]]] = 1
                    metrics = eqod_and_error(s["test_y"], firm.fit_predict(x, labels, x_test), s["test_minority"])
                cells.append((dataset, seed, strategy, alpha, len(members), len(pool), f"{f:g}", flips, *metrics))
    return cells


def best_by_alpha(cells):
    """min over budgets of the seed-mean EqOd, per (method, alpha); Base is its own row."""
    groups = {}
    for dataset, seed, method, alpha, _, _, budget, flips, eqod, err in cells:
        groups.setdefault((dataset, method, alpha), {}).setdefault(budget, []).append((eqod, err, flips))
    rows = []
    for (dataset, method, alpha), budgets in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        def mean_eqod(item):
            return np.mean([v[0] for v in item[1]])

        budget, values = min(budgets.items(), key=mean_eqod)
        e = np.array([v[0] for v in values])
        rows.append((dataset, method, alpha, budget, np.mean([v[2] for v in values]), e.mean(),
                     e.std(ddof=1) if len(e) > 1 else 0.0, np.mean([v[1] for v in values]), len(e)))
    return rows


def draw_figures(table, dataset, folder):
    """Best EqOd by alpha, one curve per method (mean with its seed standard deviation), as PNG and SVG."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs(folder, exist_ok=True)
    fig, ax = plt.subplots(figsize=(8, 5))
    for method in sorted({row[1] for row in table} - {"Base"}):
        rows = [row for row in table if row[1] == method]
        alphas = [row[2] for row in rows]
        ax.errorbar(alphas, [row[5] for row in rows], yerr=[row[6] for row in rows], marker="o", capsize=3, label=method)
    for row in table:
        if row[1] == "Base":
            ax.axhline(row[5], color="grey", linestyle="--", label="Base")
    ax.set_xlabel("alpha (share of the minority acting)")
    ax.set_ylabel("best EqOd over budgets (mean over seeds)")
    ax.set_title(f"collective size on {dataset}")
    ax.legend()
    fig.tight_layout()
    for ext in ("png", "svg"):
        fig.savefig(os.path.join(folder, f"collective-size.{ext}"), dpi=100)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export_dir", help="folder written by the pipeline-export scenario")
    parser.add_argument("--csv", help="write the best-EqOd-by-alpha table here")
    parser.add_argument("--cells", help="write every cell here")
    parser.add_argument("--with-random", action="store_true", help="add the Random strategy (the README job's grid)")
    parser.add_argument("--figures", help="draw the best-EqOd-by-alpha figure (PNG and SVG) into this folder")
    args = parser.parse_args()

    wall_start, cpu_start = time.perf_counter(), time.process_time()
    with open(os.path.join(args.export_dir, "manifest.json")) as f:
        manifest = json.load(f)
    grid, dataset = manifest["grid"], manifest["dataset"]
    if args.with_random:
        grid = dict(grid, strategies=list(grid["strategies"]) + ["Random"])
    firm = Firm(grid["c"])
    timing = {"load": 0.0, "scoring": 0.0}
    cells = []
    for entry in manifest["splits"]:
        start = time.perf_counter()
        s = load_split(args.export_dir, entry)
        timing["load"] += time.perf_counter() - start
        cells += run_seed(s, entry["seed"], grid, dataset, firm, timing)
    table = best_by_alpha(cells)
    if args.figures:
        draw_figures(table, dataset, args.figures)
    wall, cpu = time.perf_counter() - wall_start, time.process_time() - cpu_start

    seeds = [e["seed"] for e in manifest["splits"]]
    it = np.array(firm.iterations)
    print(f"scikit-learn {sklearn_version} collective-size on {dataset}: seeds {','.join(map(str, seeds))}, {len(cells)} cells, 1 process, default threads")
    print(f"end-to-end (after imports; data read from the export): wall {wall:.2f} s, process CPU {cpu:.2f} s")
    print(f"  firm fits: {firm.fits} in {firm.seconds:.2f} s ({100 * firm.seconds / wall:.1f}% of wall, {firm.seconds / firm.fits:.4f} s per fit incl. predict); "
          f"lbfgs iterations median {np.median(it):.0f}, max {it.max()}, max_iter {MAX_ITER}, not converged {firm.unconverged}")
    print(f"  strategy scoring {timing['scoring']:.2f} s, reading the export {timing['load']:.2f} s")
    print(f"{'method':<9} {'alpha':>5}  {'best EqOd (mean ± sd over seeds)':<32} {'budget':>7} {'flips':>8} {'error':>7}")
    for _, method, alpha, budget, flips, m, sd, err, _ in table:
        print(f"{method:<9} {alpha:5.2f}  {m:8.4f} ± {sd:<21.4f} {budget:>7} {flips:8.1f} {err:7.4f}")
    if args.csv:
        with open(args.csv, "w") as f:
            f.write(HEADER + "\n")
            for d, method, alpha, budget, flips, m, sd, err, n in table:
                f.write(f"{d},{method},{alpha:.2f},{budget},{flips:.1f},{m!r},{sd!r},{err!r},{n}\n")
        print(f"wrote {args.csv}")
    if args.cells:
        with open(args.cells, "w") as f:
            f.write("dataset,seed,method,alpha,members,pool,budget,flips,eqod,error\n")
            for row in cells:
                f.write(",".join(str(v) for v in row) + "\n")


if __name__ == "__main__":
    main()
