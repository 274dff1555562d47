"""schemathesis's command line, with one guard against a fault of the Python it runs on.

CPython 3.11 before 3.11.9 can raise SystemError ("AST constructor recursion depth mismatch")
from ast.parse when it is called deep in the stack. Hypothesis calls it only to label a filtered
strategy with its lambda's source, and schemathesis's coverage phase builds such strategies deep
in the stack: the label is a description, nothing is checked with it, so an unparsable lambda gets
hypothesis's own "unknown" label instead of ending the run.
"""
import sys

import hypothesis.internal.lambda_sources as lambda_sources
from schemathesis.cli import schemathesis

_describe = lambda_sources._lambda_description


def _described_or_unknown(f):
    try:
        return _describe(f)
    except SystemError:
        return "lambda: <unknown>"


lambda_sources._lambda_description = _described_or_unknown

if __name__ == "__main__":
    sys.exit(schemathesis())
