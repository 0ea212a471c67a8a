"""Public consultation (征求意见) and review: comments and their disposition kept in git.

A standard file `X.yaml` under consultation gets a review record `X.review.yaml` next to
it (`model.ReviewRecord`): the comments collected from the returned 意见反馈表 forms, the
drafting group's disposition of each, the review meeting's vote and the reviewers'
confirmations of suspect links. `zhibiao check` reads it through `store` (ZB701–ZB709).
"""
