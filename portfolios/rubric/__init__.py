"""The rubric checker: pure functions from an artifact's text to explainable findings.

No Django imports here: everything is tested without a database.
Entry point: `portfolios.rubric.engine.check_artifact`.
"""
