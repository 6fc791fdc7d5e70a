"""Learning from the analysts: every confirmed or rejected signal is a labelled example
(the signal's kind and its story's text); a logistic regression (scikit-learn) over
hashed words, each word also crossed with the kind, learns which signals analysts keep.

Trained only on the verdicts stored in this database, no outside data set. A quarter of
the verdicts (stratified, fixed seed) is held back: the precision and recall shown to the
administrator are the model's on that slice, never on what it learnt from. The model is
stored with the data (``Classifier``: intercept and the non-zero weights as JSON, no
pickle), and gives each signal not yet reviewed a probability that an analyst would
confirm it. The rules still raise the signals; the model only ranks them.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from .models import Classifier, Review, Signal

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import HashingVectorizer

# scikit-learn (and SciPy under it) is imported when a signal is first scored or the
# model trained, not when Sejuk starts: every server process would otherwise carry
# about a hundred megabytes it never uses.

MIN_EXAMPLES = 8  # and two of each verdict, or nothing is trained
FEATURES = 2**18
TRAINED_ON = (
    "Putusan analis (sinyal dikonfirmasi atau ditolak) yang tersimpan di basis data "
    "Sejuk ini; tanpa data pihak ketiga."
)
_WORD = re.compile(r"\w+")


def _tokens(doc: str) -> list[str]:
    kind, _, text = doc.partition("\t")
    words = _WORD.findall(text.lower())
    return [f"jenis={kind}", *words, *(f"{kind}|{w}" for w in words)]


@cache
def vectorizer() -> HashingVectorizer:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=FEATURES, analyzer=_tokens, alternate_sign=False)


def _doc(kind: str, title: str, text: str) -> str:
    return f"{kind}\t{title}\n{text}"


def train() -> str:
    rows = list(
        Signal.objects.exclude(review=Review.NEW).values_list(
            "kind", "story__title", "story__text", "review"
        )
    )
    y = np.array([review == Review.CONFIRMED for *_, review in rows], dtype=int)
    if len(rows) < MIN_EXAMPLES or min(int(y.sum()), int(len(y) - y.sum())) < 2:
        return (
            f"belum dilatih: {len(rows)} putusan analis, perlu {MIN_EXAMPLES} dengan dua tiap jenis"
        )
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_score, recall_score
    from sklearn.model_selection import train_test_split

    X = vectorizer().transform([_doc(k, t, x) for k, t, x, _ in rows])
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=0
    )
    model = LogisticRegression(max_iter=1000, class_weight="balanced")
    model.fit(X_train, y_train)
    predicted = model.predict(X_test)
    coef = model.coef_[0]
    nonzero = np.flatnonzero(coef)
    classifier = Classifier.objects.create(
        examples=X_train.shape[0],
        held_back=X_test.shape[0],
        precision=float(precision_score(y_test, predicted, zero_division=0)),
        recall=float(recall_score(y_test, predicted, zero_division=0)),
        trained_on=TRAINED_ON,
        weights={
            "intercept": float(model.intercept_[0]),
            "coef": {str(i): round(float(coef[i]), 6) for i in nonzero},
        },
    )
    rescore(classifier)
    return (
        f"dilatih pada {classifier.examples} putusan, diuji pada {classifier.held_back}: "
        f"presisi {classifier.precision:.2f}, recall {classifier.recall:.2f}"
    )


def score(classifier: Classifier, kind: str, title: str, text: str) -> float:
    row = vectorizer().transform([_doc(kind, title, text)])
    coef = classifier.weights["coef"]
    z = classifier.weights["intercept"] + sum(
        coef.get(str(i), 0.0) * v for i, v in zip(row.indices, row.data, strict=True)
    )
    return 1 / (1 + math.exp(-z))


def rescore(classifier: Classifier) -> None:
    """Every signal not yet reviewed, given the model's probability."""
    for signal in Signal.objects.filter(review=Review.NEW).select_related("story"):
        signal.model_score = score(classifier, signal.kind, signal.story.title, signal.story.text)
        signal.save(update_fields=["model_score"])


def latest() -> Classifier | None:
    return Classifier.objects.first()
