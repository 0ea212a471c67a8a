"""Running the checks: the pipeline (load → view → rules → severities → positions) and the
incremental check with its cache. Above the rules (`builder.check`), the review records
(`builder.comments`) and the old-shape explanations (`builder.migrate`) it runs with them."""
