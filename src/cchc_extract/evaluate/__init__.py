"""`cchc eval`: score the extractor against gold files (corpora/ANNOTATION.md, "Scoring").

gold.py loads and resolves gold files, matching.py pairs predicted with gold
entities, values.py compares values, scoring.py counts, thresholds.py gates,
report.py prints tables, baseline.py diffs against an earlier `--json` run,
cli.py runs it all.

Conventions where ANNOTATION.md leaves a choice (the rules this scorer applies):

- Span resolution: a given `span` is used as is (for references, dates, bodies,
  targets and deadlines it must hold `text` exactly); otherwise `text` is
  searched from the end of the previous entity of the same kind.  Items and
  footnotes may quote text that differs from the source: their span is not
  checked against `text`, and when the exact search fails the text is searched
  on letters and digits only (marks, markup, punctuation and line breaks
  ignored); the "end" used for the next search is the end of the quoted words
  (an item's region may contain its children).  A text that still cannot be
  found, two entities of one kind that overlap, a key given twice, or two
  assignment entries for one item make the gold file invalid (GoldError, exit 7).
- A missing list (or metadata field) is "not annotated" and not scored for that
  document; scores are micro-averaged over the documents that annotate a kind.
- Entities: one-to-one, greedy (exact pairs first, then larger overlap).  exact =
  equal spans after trimming non-letters/digits at both ends; partial = overlap
  >= half of the shorter trimmed span.  Field accuracy is over partial pairs.
- P/R/F1: nothing predicted gives precision 1, nothing to find gives recall 1
  (so a document with no gold and no prediction of a kind scores 1).
- Values: numbers as numbers; strings NFC with whitespace collapsed; "" and []
  count as null.
- Items: a prediction matches a gold item when their starts are equal or only
  non-letters/digits on the same line lie between them (label punctuation,
  `**`, spaces).  `ends` is right when the prediction's own `text` ends with the
  gold `ends`, both reduced to letters and digits (NFC).  Footnotes:
  matched by start (as items) or by any overlap of the regions.
- Metadata: exact match per field; the signer is scored per sub-field
  (`signer.name`, `signer.title`, `signer.authority`); lists as lists.
- Assignments: predicted directives are grouped by item (lead and support lists
  united).  A gold body text and a predicted body text match when the Dice
  coefficient of their longest common run of words is above 0.5, words taken
  after normalization, case folding and folding "Ủy ban nhân dân"/"Hội đồng
  nhân dân"/"Văn phòng" to UBND/HĐND/VP (so a body quoted from a different
  occurrence still matches).  Per item: set matching one-to-one; an item on one
  side only counts all its bodies as false negatives / false positives; lead
  and support P/R/F1 are micro-averaged over items.
- structure: lossy: item paths, footnote anchors, deadline items and all
  assignments are not scored for that document; item detection and ends are.
"""
