"""What the stages agree on, below all of them: anonymise/, reports/ and flows/ may import it; it imports none of them.

``records`` (the source's data contract and the accepted Parquet schemas), ``staging`` (the
anonymised staging table the release builders read), ``invisible`` (the characters ingest strips
and the detector sees through), ``bounded_duckdb`` (connections whose memory does not grow with
the data), ``owner`` (whose scratch folder a spill folder is) and ``durable`` (fsync of a folder
after a rename).
"""
