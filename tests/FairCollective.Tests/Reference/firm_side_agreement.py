"""Writes firm_side_agreement.json: AIF360's and fairlearn's post-processors on FairCollective's own real splits.

Each input is the CSV that `faircollective scores DATASET --seed 0 --validation-fraction 0.2 -o DATASET.csv` writes
(split,label,minority,score,prediction: the base logistic-regression model's scores and labels on the validation rows
that post-processors are fitted on, then on the test rows), i.e. what the firm-side experiment's post-processors see.
For each data set this fits, on the validation rows,
  - AIF360 CalibratedEqOddsPostprocessing with cost_constraint 'weighted', 'fpr' and 'fnr',
  - AIF360 EqOddsPostprocessing on the base model's labels,
  - fairlearn ThresholdOptimizer(constraints='equalized_odds', objective='accuracy_score', prefit=True,
    predict_method='predict_proba', grid_size=1000, flip=False) on the scores,
and records the fitted parameters and the expected test-split TPR and FPR of the minority and the majority
(expected over each method's randomisation, computed from its fitted parameters exactly as its predict draws).
AIF360's privileged group is the majority (minority = 0 in the CSV).

Environment (the one ../shared/reference used): Debian bookworm's python3-sklearn and python3-pandas (Python 3.11.2,
numpy 1.24.2, scipy 1.10.1, pandas 1.5.3, scikit-learn 1.2.1) with the library sources on PYTHONPATH:
fairlearn tag v0.12.0 and AIF360 commit 34877916b789e569edf5c0aac033403ca90f34b3.

    PYTHONPATH=fairlearn:AIF360 /usr/bin/python3 firm_side_agreement.py compas=compas.csv adult=adult.csv > firm_side_agreement.json
"""
import hashlib
import json
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin

from aif360.algorithms.postprocessing import CalibratedEqOddsPostprocessing, EqOddsPostprocessing
from aif360.datasets import BinaryLabelDataset
import fairlearn
from fairlearn.postprocessing import ThresholdOptimizer

PRIV = [{"g": 1}]
UNPRIV = [{"g": 0}]


def dataset(frame, scores=None, labels=None):
    df = pd.DataFrame({"g": 1 - frame["minority"].to_numpy(), "label": frame["label"].to_numpy() if labels is None else labels})
    d = BinaryLabelDataset(df=df, label_names=["label"], protected_attribute_names=["g"], favorable_label=1, unfavorable_label=0)
    if scores is not None:
        d.scores = scores.reshape(-1, 1).astype(np.float64)
    return d


def rates(p_positive, y, minority):
    """Expected TPR and FPR of each group given P(label = 1) per row."""
    out = {}
    for name, mask in (("minority", minority == 1), ("majority", minority == 0)):
        out[name] = {"tpr": float(p_positive[mask & (y == 1)].mean()), "fpr": float(p_positive[mask & (y == 0)].mean())}
    return out


class PrefitScores(BaseEstimator, ClassifierMixin):
    """A prefit estimator whose predict_proba returns the score column it is given."""
    classes_ = np.array([0, 1])

    def fit(self, X, y):
        return self

    def predict_proba(self, X):
        s = np.asarray(X, dtype=np.float64)[:, 0]
        return np.column_stack([1 - s, s])

    def predict(self, X):
        return (self.predict_proba(X)[:, 1] >= 0.5).astype(int)


def case(name, path):
    raw = open(path, "rb").read()
    frame = pd.read_csv(path, dtype={"split": str, "label": int, "minority": int, "score": np.float64, "prediction": int})
    fit = frame[frame["split"] != "test"].reset_index(drop=True)
    test = frame[frame["split"] == "test"].reset_index(drop=True)
    y_test, m_test, s_test = test["label"].to_numpy(), test["minority"].to_numpy(), test["score"].to_numpy()
    result = {
        "name": name,
        "note": f"`faircollective scores {name} --seed 0 --validation-fraction 0.2`: fitted on the {len(fit)} validation rows, evaluated on the {len(test)} test rows",
        "inputs": {
            "csv_sha256": hashlib.sha256(raw).hexdigest(),
            "fit_rows": len(fit), "test_rows": len(test),
            "fit_minority_rows": int(fit["minority"].sum()), "test_minority_rows": int(test["minority"].sum()),
            "fit_positive_labels": int(fit["label"].sum()), "test_positive_labels": int(test["label"].sum()),
            "fit_score_sum": float(fit["score"].sum()), "test_score_sum": float(test["score"].sum()),
        },
        "calibrated_eq_odds": {},
    }

    # AIF360 calibrated equalized odds, each cost constraint; its predict replaces a row's score by its group's base rate
    # when random() <= mix rate, then labels score >= 0.5: P(label 1) = (1 - q) [s >= 0.5] + q [base >= 0.5], q = clip(mix, 0, 1).
    for cost in ("weighted", "fpr", "fnr"):
        ceo = CalibratedEqOddsPostprocessing(privileged_groups=PRIV, unprivileged_groups=UNPRIV, cost_constraint=cost, seed=0)
        ceo.fit(dataset(fit), dataset(fit, scores=fit["score"].to_numpy()))
        q_priv, q_unpriv = float(np.clip(ceo.priv_mix_rate, 0, 1)), float(np.clip(ceo.unpriv_mix_rate, 0, 1))
        minority = m_test == 1
        q = np.where(minority, q_unpriv, q_priv)
        base = np.where(minority, ceo.base_rate_unpriv, ceo.base_rate_priv)
        p = (1 - q) * (s_test >= 0.5) + q * (base >= 0.5)
        result["calibrated_eq_odds"][cost] = {
            "priv_mix_rate": float(ceo.priv_mix_rate), "unpriv_mix_rate": float(ceo.unpriv_mix_rate),
            "base_rate_priv": float(ceo.base_rate_priv), "base_rate_unpriv": float(ceo.base_rate_unpriv),
            "test_rates": rates(p, y_test, m_test),
        }

    # AIF360 equalized-odds post-processing on the base model's labels; its predict flips the fitted shares of each group's
    # predicted positives and negatives: P(label 1) = p2p for a predicted 1, n2p for a predicted 0.
    eo = EqOddsPostprocessing(privileged_groups=PRIV, unprivileged_groups=UNPRIV, seed=0)
    eo.fit(dataset(fit), dataset(fit, labels=fit["prediction"].to_numpy()))
    sp2p, sn2p, op2p, on2p = (float(v) for v in eo.model_params.x)
    pred = test["prediction"].to_numpy()
    minority = m_test == 1
    p = np.where(minority, np.where(pred == 1, op2p, on2p), np.where(pred == 1, sp2p, sn2p))
    result["eq_odds_postprocessing"] = {
        "priv_p2p": sp2p, "priv_n2p": sn2p, "unpriv_p2p": op2p, "unpriv_n2p": on2p,
        "lp_status": int(eo.model_params.status), "test_rates": rates(p, y_test, m_test),
    }

    # fairlearn threshold optimizer on the scores; expected labels from its _pmf_predict.
    to = ThresholdOptimizer(estimator=PrefitScores(), constraints="equalized_odds", objective="accuracy_score", prefit=True,
                            predict_method="predict_proba", grid_size=1000, flip=False)
    to.fit(fit[["score"]].to_numpy(), fit["label"].to_numpy(), sensitive_features=fit["minority"].to_numpy())
    p = to._pmf_predict(test[["score"]].to_numpy(), sensitive_features=m_test)[:, 1]
    result["threshold_optimizer"] = {"test_rates": rates(p, y_test, m_test)}
    return result


def main(args):
    cases = [case(*a.split("=", 1)) for a in args]
    doc = {
        "file": "firm_side_agreement.json",
        "definition": "AIF360 and fairlearn post-processors fitted on FairCollective's own validation split of a real data set (seed 0) and evaluated on its test split; written by firm_side_agreement.py beside this file",
        "conventions": {
            "groups": "minority = 1 in the CSV; AIF360's privileged group g = 1 is the majority",
            "test_rates": "expected TPR and FPR per group over the method's randomisation, on the test rows",
            "inputs": "what the CSV held: its SHA-256, row counts, positives and score sums, so a test can tell it has the same inputs",
        },
        "producers": {"aif360": "commit 34877916b789e569edf5c0aac033403ca90f34b3", "fairlearn": "tag v0.12.0 (" + fairlearn.__version__ + ")"},
        "environment": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__, "scikit-learn": sklearn.__version__},
        "cases": cases,
    }
    json.dump(doc, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
