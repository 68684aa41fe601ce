"""Train scikit-learn's RandomForestClassifier on the table bench/src/forest-bench.ts writes.

    node bench/src/forest-bench.ts --full --csv /tmp/forest.csv
    python3 bench/sklearn/compare.py /tmp/forest.csv [--trees 100] [--jobs 2]

Reads the CSV (columns split, pushed, then the features; an empty cell is a missing value), trains
on the `train` rows with the same settings as the benchmark (class_weight='balanced', sqrt
features, fully grown trees) and prints JSON {seconds, balancedAccuracy, ...} for the `test` rows.
Not part of CI: it only needs numpy and scikit-learn (pip install scikit-learn).
"""

import argparse
import json
import time

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import balanced_accuracy_score


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    with open(args.csv) as handle:
        header = handle.readline().strip().split(",")
    split = np.loadtxt(args.csv, delimiter=",", skiprows=1, usecols=[0], dtype=str)
    table = np.genfromtxt(
        args.csv, delimiter=",", skip_header=1, usecols=range(1, len(header)), filling_values=np.nan
    )
    labels = table[:, 0].astype(np.int8)
    features = table[:, 1:]
    train = split == "train"
    test = ~train

    model = RandomForestClassifier(
        n_estimators=args.trees, n_jobs=args.jobs, class_weight="balanced", random_state=1
    )
    start = time.perf_counter()
    model.fit(features[train], labels[train])
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    predicted = model.predict_proba(features[test])[:, 1] >= 0.5
    predict_seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "rows": int(len(labels)),
                "features": int(features.shape[1]),
                "trees": args.trees,
                "jobs": args.jobs,
                "seconds": seconds,
                "predictSeconds": predict_seconds,
                "balancedAccuracy": balanced_accuracy_score(labels[test], predicted),
                "sklearn": __import__("sklearn").__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
