"""`cchc eval`: score the extractor against gold files (corpora/ANNOTATION.md, "Scoring").

gold.py loads and resolves gold files, matching.py pairs predicted with gold
entities, scoring.py counts, report.py prints, thresholds.py gates, cli.py runs.
"""
