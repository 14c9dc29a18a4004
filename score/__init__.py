"""score: capaian per IKU, status colours and NKO by the rules of the regulation documents (in progress)."""
