-- Generalisation hierarchies of the academic quasi-identifiers; level 0 = as staged.
-- Each hierarchy ends in '*' (fully suppressed). NULL (unknown) stays NULL at every level
-- except '*', because "unknown" is already as coarse as a value can be.

-- 5-year band '35-39' -> 10-year '30-39' -> 20-year '20-39' -> '*'. '80+' stays '80+'.
CREATE OR REPLACE TEMP MACRO generalise_age(band, level) AS
    CASE
        WHEN level >= 3 THEN '*'
        WHEN band IS NULL OR level = 0 OR band LIKE '%+' THEN band
        ELSE CAST(CAST(split_part(band, '-', 1) AS INTEGER) // (10 * level) * (10 * level) AS VARCHAR)
             || '-'
             || CAST(CAST(split_part(band, '-', 1) AS INTEGER) // (10 * level) * (10 * level) + 10 * level - 1 AS VARCHAR)
    END;

-- 'YYYY-MM' -> 'YYYY-Qn' -> 'YYYY' -> '*'.
CREATE OR REPLACE TEMP MACRO generalise_month(m, level) AS
    CASE
        WHEN level >= 3 THEN '*'
        WHEN m IS NULL OR level = 0 THEN m
        WHEN level = 1 THEN left(m, 4) || '-Q' || CAST((CAST(substr(m, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR)
        ELSE left(m, 4)
    END;

-- 시/도 (short or official name, see anonymise/regions.py) -> macro-region; a country code -> 'abroad'.
CREATE OR REPLACE TEMP MACRO macro_region(r) AS
    CASE
        WHEN r IS NULL THEN NULL
        WHEN regexp_matches(r, '^(서울|경기|인천)') THEN '수도권'
        WHEN regexp_matches(r, '^(대전|세종|충북|충남|충청)') THEN '충청'
        WHEN regexp_matches(r, '^(광주|전북|전남|전라)') THEN '호남'
        WHEN regexp_matches(r, '^(부산|대구|울산|경북|경남|경상)') THEN '영남'
        WHEN regexp_matches(r, '^강원') THEN '강원'
        WHEN regexp_matches(r, '^제주') THEN '제주'
        WHEN r = 'abroad' OR regexp_matches(r, '^[A-Z]{2}$') THEN 'abroad'  -- ISO country code
        ELSE '*'  -- an unrecognised spelling is suppressed, not guessed
    END;

-- 시/도 or country -> macro-region -> 'domestic' / 'abroad' -> '*'.
CREATE OR REPLACE TEMP MACRO generalise_region(r, level) AS
    CASE
        WHEN level >= 3 THEN '*'
        WHEN r IS NULL OR level = 0 THEN r
        WHEN level = 1 THEN macro_region(r)
        WHEN macro_region(r) IN ('abroad', '*') THEN macro_region(r)
        ELSE 'domestic'
    END;

-- Sex: as staged, or '*'.
CREATE OR REPLACE TEMP MACRO generalise_sex(s, level) AS
    CASE WHEN level >= 1 THEN '*' ELSE s END;
