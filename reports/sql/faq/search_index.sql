-- Full-text index over search_text (morphemes separated by spaces, see faq_entries.sql).
-- The default tokenizer keeps only a-z, so it is told to split on anything that is not a
-- letter or digit; no stemmer or English stop words (the text is mostly Korean), and no
-- accent stripping, which would decompose Hangul syllables.
PRAGMA create_fts_index('faq_entries', 'faq_id', 'search_text',
                        stemmer = 'none', stopwords = 'none', ignore = '[^\p{L}\p{N}]+',
                        strip_accents = 0, lower = 1, overwrite = 1);
