"""Train scikit-learn's RandomForestClassifier on one Table 3 variant of the waste feature table
that bench/src/sklearn-bench.ts dumps (float32 features, uint8 labels and split, JSON meta), with
the settings of our forest: 100 trees, sqrt features, fully grown, class_weight='balanced'.

    python3 bench/sklearn/waste_variant.py DUMP_DIR VARIANT [--jobs 2] [--trees 100] [--mode M]

scikit-learn 1.2's forests reject NaN, so a missing value becomes -1 (every feature is >= 0, so
-1 sorts below all of them). --mode weighted-bootstrap grows the same trees the way our forest
draws its bootstrap (each draw picks a class in proportion to its total weight, then a row of
it, and the tree counts draws unweighted): an ablation that separates the bootstrap from the
missing-value handling. Prints one JSON object.
"""

import argparse
import json
import time

import numpy as np
from joblib import Parallel, delayed
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score
from sklearn.tree import DecisionTreeClassifier


def load(directory):
    with open(f"{directory}/meta.json") as handle:
        meta = json.load(handle)
    rows, features = meta["rows"], len(meta["features"])
    x = np.fromfile(f"{directory}/x.f32", dtype=np.float32).reshape(rows, features)
    y = np.fromfile(f"{directory}/y.u8", dtype=np.uint8)
    train = np.fromfile(f"{directory}/train.u8", dtype=np.uint8).astype(bool)
    return meta, x, y, train


def weighted_bootstrap_forest(x, y, trees, jobs, seed):
    """Our forest's bootstrap: class by total weight (balanced: half the draws each), then a row."""
    rng = np.random.default_rng(seed)
    by_class = [np.flatnonzero(y == 0), np.flatnonzero(y == 1)]
    n = len(y)
    draws = []
    for _ in range(trees):
        ones = rng.random(n) < 0.5
        idx = np.where(ones, rng.choice(by_class[1], n), rng.choice(by_class[0], n))
        draws.append(idx)

    def grow(t, idx):
        tree = DecisionTreeClassifier(max_features="sqrt", random_state=seed + t)
        return tree.fit(x[idx], y[idx])

    return Parallel(n_jobs=jobs, prefer="threads")(
        delayed(grow)(t, idx) for t, idx in enumerate(draws)
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dump")
    parser.add_argument("variant")
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mode", choices=["sklearn", "weighted-bootstrap"], default="sklearn")
    args = parser.parse_args()

    meta, x, y, train = load(args.dump)
    columns = meta["variants"][args.variant]
    features = np.where(np.isnan(x[:, columns]), np.float32(-1), x[:, columns])
    x_train, y_train = features[train], y[train]
    x_test, y_test = features[~train], y[~train]

    start = time.perf_counter()
    cpu = time.process_time()
    if args.mode == "sklearn":
        model = RandomForestClassifier(
            n_estimators=args.trees,
            n_jobs=args.jobs,
            class_weight="balanced",
            max_features="sqrt",
            random_state=args.seed,
        ).fit(x_train, y_train)
        fit = time.perf_counter() - start
        fit_cpu = time.process_time() - cpu
        start = time.perf_counter()
        cpu = time.process_time()
        probability = model.predict_proba(x_test)[:, 1]
        nodes = float(np.mean([e.tree_.node_count for e in model.estimators_]))
    else:
        trees = weighted_bootstrap_forest(x_train, y_train, args.trees, args.jobs, args.seed)
        fit = time.perf_counter() - start
        fit_cpu = time.process_time() - cpu
        start = time.perf_counter()
        cpu = time.process_time()
        probability = np.mean([t.predict_proba(x_test)[:, 1] for t in trees], axis=0)
        nodes = float(np.mean([t.tree_.node_count for t in trees]))
    predict = time.perf_counter() - start
    predict_cpu = time.process_time() - cpu
    print(
        json.dumps(
            {
                "mode": args.mode,
                "fitSeconds": fit,
                "fitCpuSeconds": fit_cpu,
                "predictSeconds": predict,
                "predictCpuSeconds": predict_cpu,
                "balancedAccuracy": balanced_accuracy_score(y_test, probability >= 0.5),
                "nodesPerTree": nodes,
                "sklearn": __import__("sklearn").__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
