"""Review tasks over a checked corpus: the impact of a code (`zhibiao refs`), safe renames
(`zhibiao rename`) and the conformance of schools' plans (`zhibiao conform`)."""
