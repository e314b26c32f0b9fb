"""Parse: sentences -> dependency trees (spaCy Docs), one tree per sentence of the `sentences` table.

Ingestion already decided where sentences end, so each sentence is parsed as one tree: the parser is
told that no token but the first starts a sentence. Runs of spaces (a no-break space beside a
space, a double space) would be tokens the treebank never showed the parser, so the tree is built
over the words alone; `offset_of` and `tokens_at` translate between the words and the character
offsets of the sentence's own text. Trees are what the later stages read: who is the subject of
a verb, what its object is, which clause a word sits in.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .datetext import MONTHS, WEEKDAYS
from .language import parser, third_person, without_final_s

BATCH_SIZE = 256
PRESENT = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
PLAIN_PRESENT = "Mood=Ind|Tense=Pres|VerbForm=Fin"
CLAUSES = {"ROOT", "conj", "parataxis", "ccomp", "advcl", "xcomp", "acl", "acl:relcl"}
TOKEN_COLUMNS = ["article_id", "sentence_id", "i", "text", "lemma", "pos", "tag", "dep", "head"]


FINAL_PUNCTUATION = {".", "!", "?", '"', "”", "’", "'", ")", ":", ";", "…"}
SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " "})


def parse_texts(texts: Iterable[str], nlp: Language | None = None, batch_size: int = BATCH_SIZE,
                past: Mapping[str, str] | None = None) -> Iterator[Doc]:
    """One dependency tree per text, in order, each text kept as a single sentence. With `past`
    (a verb's present in -s -> its past), a headline whose verb was misread is read again in the past."""
    nlp = nlp or parser()
    docs = (one_sentence(words_only(nlp, text)) for text in texts)
    for _, component in nlp.pipeline:
        docs = component.pipe(docs, batch_size=batch_size)
    for doc in docs:
        if past and doc.user_data.get("unpunctuated"):
            doc = headline_read_in_the_past(doc, nlp, past)
        yield repair_parse(lemma_joined_titles(read_accusations_as_verbs(read_without_the_day(doc, nlp), nlp)))


def after_a_name(word: Token, verb_before: bool) -> bool:
    """A word the parser did not read as the verb of a clause, right after a capitalised word, or
    after a comma or an 'and' that follows a verb ('Somalia expels Ethiopian ambassador, orders
    closure of ...')."""
    before = word.doc[word.i - 1] if word.i else None
    if before is None or word.pos_ in {"VERB", "AUX"} and word.dep_ in CLAUSES and \
            (word.dep_ in {"ROOT", "acl", "acl:relcl"} or word.head.pos_ in {"VERB", "AUX"}):
        return False
    if before.lower_ in {",", "and"}:
        return verb_before or any(t.pos_ == "VERB" for t in word.doc[:before.i])
    return before.is_alpha and (before.is_title or before.is_upper)


def reads_as_a_clause(verb: Token) -> bool:
    """A verb heading a clause with a noun for its subject, or coordinated with another verb."""
    if verb.pos_ != "VERB":
        return False
    if verb.dep_ in {"conj", "parataxis"}:
        return verb.head.pos_ == "VERB"
    return verb.dep_ in {"ROOT", "ccomp", "advcl"} and \
        any(c.dep_.startswith("nsubj") and c.pos_ in {"NOUN", "PROPN", "PRON"} for c in verb.children)


def headline_read_in_the_past(doc: Doc, nlp: Language, past: Mapping[str, str]) -> Doc:
    """'Tajikistan condemns shelling ...': in a headline's present the parser may take the verb after
    a name for an adverb or a noun. Its words are parsed again with such verbs in the past
    ('Tajikistan condemned shelling ...'), and that tree kept, with the headline's own words, when it
    reads each of them as the verb of a clause; else once more with only those it did so read."""
    present = {}
    for t in doc:
        if t.lower_ in past and after_a_name(t, bool(present)):
            present[t.i] = past[t.lower_]
    # "Kyrgyzstan, Tajikistan sign protocol": the plain present after a headline's list of two
    # names, whose comma is its "and"
    plain = {t.i: past[third_person(t.lower_)] for t in doc if third_person(t.lower_) in past and
             after_a_name(t, False) and t.i > 2 and doc[t.i - 2].text == "," and doc[t.i - 3].is_title}
    misread = present | plain
    for _ in range(2):
        if not misread:
            return doc
        again = parsed_with(doc, nlp, misread, {i - 2 for i in plain if i in misread})
        clauses = {i: word for i, word in misread.items() if reads_as_a_clause(again[i])}
        if clauses == misread:
            return with_own_words(doc, again, misread, present, {i - 2 for i in plain if i in misread})
        misread = clauses
    return doc


PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}


def day_between_subject_and_verb(doc: Doc) -> range | None:
    """'Trump on Sunday slapped tariffs ...', 'the ministry late on Friday summoned ...': the words of
    a day set between a name or noun and a finite verb, or None."""
    for on in doc[1:]:
        start = on.i - 1 if doc[on.i - 1].lower_ in {"late", "early"} else on.i
        end = day_phrase_end(doc, on.i + 1) if on.lower_ == "on" else None
        if end is None or start == 0 or end >= len(doc):
            continue
        before, verb = doc[start - 1], doc[end]
        if before.pos_ in {"PROPN", "NOUN"} and verb.tag_ in {"VBD", "VBZ", "VBN"} and verb.is_lower:
            return range(start, end)
    return None


def day_phrase_end(doc: Doc, i: int) -> int | None:
    """Where 'Sunday', 'Sunday evening', 'January 5' or '5 January' starting at i ends, or None."""
    words = [t.lower_ for t in doc[i:i + 3]] + ["", "", ""]
    if words[0] in WEEKDAYS:
        return i + 2 if words[1] in PARTS_OF_DAY else i + 1
    if words[0] in MONTHS and words[1].isdigit() or words[0].isdigit() and words[1] in MONTHS:
        return i + 2
    return None


def read_without_the_day(doc: Doc, nlp: Language) -> Doc:
    """A day between a subject and its verb is a phrase the treebank seldom shows there: the parser
    may take the verb for a modifier and the name for the subject of another verb. When the verb has
    no subject, the sentence is parsed again without the day, and that tree kept, with the day hung
    on the verb, if it gives the verb its subject."""
    span = day_between_subject_and_verb(doc)
    if span is None or any(c.dep_ in SUBJECTS for c in doc[span.stop].children):
        return doc
    kept = [t.i for t in doc if t.i not in span]
    again = parsed_words(nlp, [doc[i].text for i in kept], [bool(doc[i].whitespace_) for i in kept])
    verb = again[kept.index(span.stop)]
    if verb.pos_ != "VERB" or not any(c.dep_ in SUBJECTS for c in verb.children):
        return doc
    return with_the_day(doc, again, kept, span)


def with_the_day(doc: Doc, again: Doc, kept: list[int], span: range) -> Doc:
    """The tree read without the day, over all the sentence's words: the day's head word (its last)
    is an oblique of the verb after it, the words before it hang on that word."""
    read = {i: again[n] for n, i in enumerate(kept)}
    day = span.stop - 1

    def analysis(t: Token) -> tuple:
        if t.i in span:
            head, dep = (span.stop, "obl") if t.i == day else (day, "case" if t.lower_ == "on" else "compound"
                                                              if t.i > span.start + 1 else "advmod")
            return t.tag_, t.pos_, str(t.morph), t.lemma_, head, dep
        r = read[t.i]
        return r.tag_, r.pos_, str(r.morph), r.lemma_, kept[r.head.i], r.dep_
    return over_own_words(doc, [analysis(t) for t in doc])


# "accused X of Y" may be read as "the accused X"; "warned X of Y" has no such reading
ACCUSATIONS = {"accused": "warned", "accusing": "warning", "accuses": "warns", "accuse": "warn"}


def read_accusations_as_verbs(doc: Doc, nlp: Language) -> Doc:
    """'... and accused Turkey of protecting ...': the parser may read the verb as an adjective of the
    name after it ('the accused man'). Such a sentence is parsed again with 'warned' in its place,
    which takes the same 'X of Y' and is read as a verb, and that tree kept, with the sentence's own
    words, when it makes the word a verb with an object."""
    misread = {t.i: ACCUSATIONS[t.lower_] for t in doc if t.lower_ in ACCUSATIONS and t.dep_ not in CLAUSES
               and any(o.lower_ == "of" for o in doc[t.i + 2:t.i + 12]) and t.i + 1 < len(doc)
               and doc[t.i + 1].pos_ in {"PROPN", "NOUN", "DET", "PRON", "ADJ"}}
    if not misread:
        return doc
    again = parsed_with(doc, nlp, misread, set())
    if not all(again[i].pos_ == "VERB" and any(c.dep_ == "obj" for c in again[i].children) for i in misread):
        return doc
    return over_own_words(doc, [(t.tag_, t.pos_, str(t.morph), "accuse" if t.i in misread else t.lemma_,
                                 t.head.i, t.dep_) for t in again])


def parsed_with(doc: Doc, nlp: Language, words: Mapping[int, str], commas: set[int]) -> Doc:
    """The tree of a sentence with some of its words replaced, and some commas read as 'and'."""
    text = ["and" if t.i in commas else words.get(t.i, t.text) for t in doc]
    return parsed_words(nlp, text, [bool(t.whitespace_) or t.i + 1 in commas for t in doc])


def parsed_words(nlp: Language, words: list[str], spaces: list[bool]) -> Doc:
    """The tree of a list of words read as one sentence."""
    again = one_sentence(Doc(nlp.vocab, words=words, spaces=spaces))
    for _, component in nlp.pipeline:
        again = component(again)
    return again


def over_own_words(doc: Doc, rows: list[tuple]) -> Doc:
    """A tree read from other words, set over the sentence's own: one (tag, pos, morph, lemma, head,
    dep) per word."""
    tags, pos, morphs, lemmas, heads, deps = (list(column) for column in zip(*rows))
    read = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags,
               pos=pos, morphs=morphs, lemmas=lemmas, heads=heads, deps=deps)
    read.user_data.update(doc.user_data)
    return read


def with_own_words(doc: Doc, again: Doc, misread: Mapping[int, str], present: Mapping[int, str],
                   commas: set[int]) -> Doc:
    """The tree read with replaced words, over the sentence's own words: a replaced verb keeps its
    present (tag, morphology and lemma), a comma read as 'and' its own text."""
    def tag(t: Token) -> str:
        return ("VBZ" if t.i in present else "VBP") if t.i in misread else t.tag_

    def morph(t: Token) -> str:
        return (PRESENT if t.i in present else PLAIN_PRESENT) if t.i in misread else str(t.morph)

    def lemma(t: Token) -> str:
        if t.i in misread:
            return without_final_s(doc[t.i].lower_) if t.i in present else doc[t.i].lower_
        return doc[t.i].text if t.i in commas else t.lemma_
    return over_own_words(doc, [(tag(t), t.pos_, morph(t), lemma(t), t.head.i, t.dep_) for t in again])


def words_only(nlp: Language, text: str) -> Doc:
    """The text's tokens without the whitespace ones, each remembering its offset in the text."""
    tokens = [token for token in nlp.make_doc(text.translate(SPACES)) if not token.is_space]
    words = [t.text for t in tokens]
    spaces = [t.idx + len(t) < len(text) and text[t.idx + len(t)].isspace() for t in tokens]
    offsets = [t.idx for t in tokens]
    words, spaces, offsets = joined_given_names(*joined_titles(words, spaces, offsets))
    unpunctuated = bool(words) and words[-1] not in FINAL_PUNCTUATION
    if unpunctuated:
        # a headline has no full stop; the treebank's sentences do, and the parser reads them better
        words, spaces, offsets = words + ["."], spaces[:-1] + [False, False], offsets + [len(text)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.user_data["offsets"] = offsets
    doc.user_data["unpunctuated"] = unpunctuated
    return doc


# French titles of English news that the treebank never shows: read as one noun, the head word's
# lemma ("summoned Sweden's chargé d'affaires"), not as a noun and a verb ("d'affaires"/VBZ)
JOINED_TITLES = {("chargé", "d'affaires"): "chargé", ("charge", "d'affaires"): "chargé",
                 ("chargés", "d'affaires"): "chargé", ("charges", "d'affaires"): "chargé"}


def joined_titles(words: list[str], spaces: list[bool], offsets: list[int]) -> tuple[list, list, list]:
    """Two words of a title in JOINED_TITLES made one (with the space between them)."""
    for i in range(len(words) - 2, -1, -1):
        pair = (words[i].lower(), words[i + 1].lower().replace("’", "'"))
        if pair in JOINED_TITLES and spaces[i]:
            words[i:i + 2] = [f"{words[i]} {words[i + 1]}"]
            spaces[i:i + 2] = [spaces[i + 1]]
            offsets[i:i + 2] = [offsets[i]]
    return words, spaces, offsets


def joined_given_names(words: list[str], spaces: list[bool], offsets: list[int]) -> tuple[list, list, list]:
    """'Moon Jae-in', 'Kim Jong-un': a hyphenated given name after a capitalised word made one word,
    or the parser reads its last syllable as the preposition 'in'."""
    for i in range(len(words) - 3, 0, -1):
        given, hyphen, syllable = words[i:i + 3]
        if hyphen == "-" and not spaces[i] and not spaces[i + 1] and given.istitle() and given.isalpha() and \
                syllable.isalpha() and syllable.islower() and words[i - 1].istitle() and spaces[i - 1]:
            words[i:i + 3] = [f"{given}-{syllable}"]
            spaces[i:i + 3] = [spaces[i + 2]]
            offsets[i:i + 3] = [offsets[i]]
    return words, spaces, offsets


def lemma_joined_titles(doc: Doc) -> Doc:
    """A joined title is a noun with its head word's lemma, whatever the tagger made of it."""
    for token in doc:
        pair = tuple(token.lower_.replace("’", "'").split(" ", 1))
        if pair in JOINED_TITLES:
            token.lemma_, token.pos_, token.tag_ = JOINED_TITLES[pair], "NOUN", "NN"
    return doc


def one_sentence(doc: Doc) -> Doc:
    for token in doc:
        token.is_sent_start = token.i == 0
    return doc


def repair_perfect(doc: Doc) -> Doc:
    """'claimed to have bombed bases': the parser reads the participle as an adjective of the noun
    ('bombed bases') and 'have' as the verb. Put the perfect back: the participle heads the clause,
    'have' is its auxiliary, the noun its object."""
    for have in doc:
        obj = next((c for c in have.children if c.dep_ == "obj"), None)
        if have.lemma_ != "have" or obj is None or have.i + 1 >= len(doc):
            continue
        participle = doc[have.i + 1]
        if participle.tag_ != "VBN" or participle.head != obj or participle.dep_ not in {"amod", "compound"}:
            continue
        is_root = have.head == have
        participle.head, participle.dep_ = (participle if is_root else have.head), have.dep_
        for child in list(have.children):
            if child != participle:
                child.head = participle
        have.head, have.dep_ = participle, "aux"
        obj.dep_ = "obj"
    return doc


def repair_parse(doc: Doc) -> Doc:
    """Put back the few misreadings of news sentences that follow from a small treebank, each where
    the tree itself shows it cannot be right (an adjective with a subject, a verb with two)."""
    for repair in (repair_perfect, repair_infinitive, repair_clause_read_as_adjective, repair_second_subject,
                   repair_date_read_as_subject, repair_subject_read_as_object_of_a_conjunction,
                   repair_unmarked_subject, repair_verb_read_as_modifier_of_the_root,
                   repair_subject_read_as_modifier_of_the_root, repair_passive_without_auxiliary,
                   repair_clause_of_verb_read_as_noun_modifier, repair_participle_read_as_modifier_of_the_object,
                   repair_verb_after_a_day_read_as_modifier_of_its_subject,
                   repair_verb_read_as_adjective_in_a_verbless_sentence, repair_persona_non_grata,
                   repair_subject_read_as_apposition_of_a_fronted_place, repair_conjunct_of_a_reported_clause,
                   repair_verb_read_as_adjective_before_a_closing_speaker, repair_subject_read_as_aside,
                   repair_first_conjunct_read_as_root, repair_first_of_a_subject_list_read_apart,
                   repair_agent_of_the_object_read_as_the_verb_s, repair_predicate_of_a_list_read_apart,
                   repair_conjunct_read_as_apposition, repair_finite_conjunct_of_an_infinitive,
                   repair_predicate_adjective_read_as_modifier_of_the_object, repair_name_read_as_common_noun,
                   repair_predicate_adjective_read_as_head_of_the_object, repair_verb_with_a_subject_read_as_adjective,
                   repair_present_verb_read_as_plural_noun, repair_names_read_as_vocative_of_a_plural_title,
                   repair_lowercase_title_read_as_head_of_the_clause, repair_subject_of_a_participle_aside):
        doc = repair(doc)
    return doc


def repair_participle_read_as_modifier_of_the_object(doc: Doc) -> Doc:
    """'Algeria cut diplomatic ties, accusing Morocco of hostile acts': the parser may hang the
    participle after the comma on the verb's object ('ties accusing'). A participle set off by a
    comma from the phrase it follows tells what the verb's subject did as it acted: it is a clause of
    the verb, and its subject the verb's."""
    for participle in doc:
        noun = participle.head
        if participle.dep_ != "acl" or participle.tag_ != "VBG" or participle.i == 0 or \
                doc[participle.i - 1].text != "," or noun.dep_ not in {"obj", "obl"} or \
                noun.head.pos_ not in {"VERB", "AUX"} or noun.i > participle.i:
            continue
        participle.head, participle.dep_ = noun.head, "advcl"
    return doc


def repair_verb_after_a_day_read_as_modifier_of_its_subject(doc: Doc) -> Doc:
    """'Egypt and Sudan on Tuesday accused Ethiopia of ...': the parser may hang the verb after the day
    on the name before it, as a clause of that name, and give the name to another verb as subject. A
    verb with an object and no subject, right after 'on <day>' that follows the name, is the name's
    predicate: the name is its subject, and the verb takes the name's place in the tree."""
    for verb in doc:
        name = verb.head
        if verb.tag_ not in {"VBD", "VBN"} or verb.dep_ not in {"advcl", "acl"} or verb.i < 3 or \
                name.pos_ != "PROPN" or name.i > verb.i or not any(c.dep_ == "obj" for c in verb.children) or \
                any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        day, on = doc[verb.i - 1], doc[verb.i - 2]
        if day.lemma_.lower() not in TIME_NOUNS or on.lower_ not in {"on", "in"}:
            continue
        root = name.head == name
        verb.head, verb.dep_ = (verb if root else name.head), ("ROOT" if root else name.dep_)
        if verb.dep_ in SUBJECTS:
            verb.dep_ = "ccomp"     # the name was the subject of another verb: this one is its clause
        name.head, name.dep_ = verb, "nsubj"
        verb.tag_ = "VBD"           # a finite verb with its subject, for the readings after
        day.head, day.dep_ = verb, "obl"
    return doc


def repair_clause_read_as_adjective(doc: Doc) -> Doc:
    """'two days after Iranian missiles struck targets', 'since the two neighbours traded strikes':
    the parser may read the past verb as an adjective of its object ('struck targets'). A noun right
    before it that is not part of that object's phrase is then its subject: the verb heads a clause
    that takes the place where the subject (or, when the subject already hangs on the verb, the
    object) was attached; a preposition there becomes the clause's conjunction."""
    for verb in doc:
        obj = verb.head
        if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or obj.i <= verb.i or verb.i == 0:
            continue
        subject = doc[verb.i - 1]
        if subject.pos_ not in {"NOUN", "PROPN", "PRON"} or subject.dep_ in {"compound", "nmod:poss", "amod", "flat"}:
            continue
        if subject.head == verb and subject.dep_ in {"nsubj", "nsubj:pass"}:
            anchor = obj
        elif subject not in obj.subtree and verb not in subject.subtree and subject.head != obj:
            anchor = subject
        else:
            continue
        place, role = anchor.head, anchor.dep_
        markers = [c for c in anchor.children if c.dep_ in {"case", "mark"} and c.i < anchor.i]
        verb.head = place if place != anchor else verb
        verb.dep_ = "advcl" if markers or role.startswith(("obl", "nmod", "advcl")) else \
            ("ROOT" if place == anchor else "ccomp")
        for marker in markers:
            marker.head, marker.dep_ = verb, "mark"
        subject.head, subject.dep_ = verb, "nsubj"
        obj.head, obj.dep_ = verb, "obj"
    return doc


def repair_infinitive(doc: Doc) -> Doc:
    """'decided to expel two diplomats': the parser may read the infinitive as an adjective of its
    object ('expel diplomats') that the object's verb governs. An adjective has no 'to': the
    infinitive is the clause the verb governs, the noun its object."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ not in {"amod", "compound"} or verb.tag_ != "VB" or noun.i <= verb.i or \
                noun.dep_ != "obj" or not any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children):
            continue
        verb.head, verb.dep_ = noun.head, "xcomp"
        noun.head = verb
    return doc


SUBJECTS = {"nsubj", "nsubj:pass", "csubj", "expl"}
AUXILIARIES = {"aux", "aux:pass"}
# Bare nouns that may modify a verb without a preposition ('Monday', 'last week'): never its subject.
TIME_NOUNS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
              "yesterday", "tomorrow", "tonight", "day", "night", "morning", "afternoon", "evening", "week",
              "weekend", "month", "year", "time", "hour", "minute"}


def repair_second_subject(doc: Doc) -> Doc:
    """'Afghan forces fired at posts ..., officials said': the parser may read 'fired' as a reduced
    relative ('forces [that were] fired') and give 'said' two subjects. A verb has one subject; the
    one followed by its participle is the subject of that participle's clause, reported by the verb."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) < 2:
            continue
        for subject in subjects[:-1]:
            clause = next((c for c in subject.rights if c.dep_ == "acl" and c.tag_ in {"VBD", "VBN"}
                           and c.i == subject.i + 1 and not any(g.dep_ in SUBJECTS for g in c.children)), None)
            if clause is not None:
                clause.head, clause.dep_ = verb, "ccomp"
                subject.head, subject.dep_ = clause, "nsubj"
    return doc


def repair_date_read_as_subject(doc: Doc) -> Doc:
    """'North Korea on Friday accused ...': the parser may take 'on Friday' for the verb's subject
    (with 'on' as its marker) and leave the name before it the root. A day with a preposition says
    when, never who: it becomes an oblique, and the verb is left to find its subject."""
    for token in doc:
        if token.dep_ != "nsubj" or token.lemma_.lower() not in TIME_NOUNS or token.i == 0:
            continue
        marker = doc[token.i - 1]
        if marker.lower_ in {"on", "in"} and marker.head.i in {token.i, token.head.i}:
            token.dep_, marker.dep_, marker.head = "obl", "case", token
    return doc


SUBORDINATORS = {"after", "before", "since", "until", "when", "as", "because", "while", "once"}


def repair_subject_read_as_object_of_a_conjunction(doc: Doc) -> Doc:
    """'Relations soured after President X accused Rwanda': the parser may read 'after President X' as
    a prepositional phrase and leave 'accused' without a subject. A finite verb with an object and no
    subject, right after a name that 'after' (or 'when', 'since', ...) governs: the name is its
    subject and the conjunction marks the clause."""
    for verb in doc:
        if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and verb.dep_ in {"advcl", "xcomp"}) or verb.i == 0 or \
                any(c.dep_ in SUBJECTS for c in verb.children) or not any(c.dep_ == "obj" for c in verb.children):
            continue
        name = doc[verb.i - 1]
        while name.dep_ == "flat" and name.head.i < name.i:
            name = name.head
        conjunction = next((c for c in name.children if c.dep_ in {"case", "mark"} and c.lower_ in SUBORDINATORS), None)
        if name.pos_ != "PROPN" or conjunction is None or name.head == verb:
            continue
        if name in verb.ancestors:      # "after Pyongyang ignored ...", the verb read as the name's clause:
            # the verb takes the name's place, or the name would hang under its own dependent
            verb.head, verb.dep_ = (verb, "ROOT") if name.head.i == name.i else (name.head, "advcl")
        name.head, name.dep_ = verb, "nsubj"
        conjunction.head, conjunction.dep_ = verb, "mark"
        verb.tag_ = "VBD"           # a finite verb with its subject, not a participle, for the readings after
    return doc


def repair_unmarked_subject(doc: Doc) -> Doc:
    """'Afghanistan's foreign ministry summoned the envoy': a verb with no subject whose bare noun
    before it the parser hung as an unmarked oblique or an adverb; that noun is its subject, unless it
    says when."""
    for verb in doc:
        if not verb.tag_.startswith("VB") or verb.pos_ == "AUX" or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        bare = next((c for c in verb.lefts if c.dep_ in {"obl:unmarked", "obl:npmod", "nmod:unmarked", "compound", "advmod"}
                     and c.pos_ in {"NOUN", "PROPN"} and c.lemma_.lower() not in TIME_NOUNS
                     and not any(g.dep_ == "case" for g in c.children)), None)
        if bare is not None:
            bare.dep_, verb.pos_ = "nsubj", "VERB"
    return doc


def sentence_root(doc: Doc) -> Token:
    return next(token for token in doc if token.head == token)


def repair_verb_read_as_modifier_of_the_root(doc: Doc) -> Doc:
    """'The African Union appealed on Wednesday for calm': the parser may read the past verb as a
    reduced relative of the noun before it ('the Union [that was] appealed') and make that noun the
    root, leaving the sentence without a verb. A sentence of news copy has one: the verb is the root
    and the noun its subject; in a headline ('Port Sudan hit again') a participle without an object is
    passive."""
    root = sentence_root(doc)
    if root.pos_ not in {"NOUN", "PROPN"} or any(c.dep_ == "case" for c in root.children):
        return doc
    # "Hundreds of protesters gathered outside ...": the verb may hang on the counted noun
    heads = [root] + [c for c in root.rights if c.dep_ == "nmod" and any(g.lower_ == "of" for g in c.children)]
    verb = next((c for head in heads for c in head.rights if c.dep_ in {"acl", "amod", "advcl"}
                 and c.tag_ in {"VBD", "VBN"}
                 and not any(g.dep_ in SUBJECTS | {"mark", "aux", "aux:pass"} for g in c.children)), None)
    if verb is None:
        return doc
    passive = verb.tag_ == "VBN" and doc.user_data.get("unpunctuated") and \
        not any(c.dep_ == "obj" for c in verb.children)
    verb.head, verb.dep_ = verb, "ROOT"
    for child in list(root.rights):
        if child.i > verb.i:
            child.head = verb
    root.head, root.dep_ = verb, ("nsubj:pass" if passive else "nsubj")
    return doc


def repair_first_conjunct_read_as_root(doc: Doc) -> Doc:
    """'Bahrain and Sudan sever ties with Iran': the parser may make the first name the root and the
    verb a clause of it whose subject is the second name alone. A name joined by 'and' to the subject
    of the verb that hangs on it is that subject's first conjunct: the verb is the root, the first
    name its subject and the second a conjunct of it."""
    root = sentence_root(doc)
    if root.pos_ != "PROPN":
        return doc
    verb = next((c for c in root.rights if c.tag_.startswith("VB") and c.dep_ in {"ccomp", "acl", "parataxis", "dep"}), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.i > verb.i or subject.left_edge.i != root.i + 1 or doc[root.i + 1].dep_ != "cc":
        return doc
    verb.head, verb.dep_ = verb, "ROOT"
    for child in list(root.rights):
        if child.i > verb.i:
            child.head = verb
    root.head, root.dep_ = verb, "nsubj"
    subject.head, subject.dep_ = root, "conj"
    return doc


def repair_first_of_a_subject_list_read_apart(doc: Doc) -> Doc:
    """'The EU, the United States and Canada imposed sanctions': the parser may leave the first name
    of a list apart ('dep', or a second subject) and make the second the subject. A name followed by a
    comma and a subject that has conjuncts of its own opens that list: it is the subject, and the
    names after it are its conjuncts."""
    for verb in doc:
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i
                        and any(g.dep_ == "conj" for g in c.children)), None)
        if subject is None:
            continue
        first = next((c for c in verb.lefts if c.dep_ in {"dep", "nsubj"} and c != subject
                      and c.pos_ == "PROPN" and c.right_edge.i + 1 == subject.left_edge.i
                      and doc[subject.left_edge.i].text == ","), None)
        if first is None:
            continue
        conjuncts = [g for g in subject.children if g.dep_ == "conj"]
        doc[subject.left_edge.i].head = subject
        first.dep_ = "nsubj"
        subject.head, subject.dep_ = first, "conj"
        for conjunct in conjuncts:
            conjunct.head = first
    return doc


def repair_agent_of_the_object_read_as_the_verb_s(doc: Doc) -> Doc:
    """'Japan condemned the launch by North Korea': the parser may hang 'by North Korea' on the verb.
    An active verb with a subject has no agent: a name with 'by' right after the verb's object is the
    agent of that object ('the launch by North Korea'), as 'North Korea's launch' would be."""
    for name in doc:
        marker = next((c for c in name.children if c.dep_ == "case" and c.lower_ == "by"), None)
        verb = name.head
        if marker is None or name.pos_ != "PROPN" or name.dep_ != "obl" or verb.tag_ != "VBD" or \
                not any(c.dep_ == "nsubj" for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"
                    and c.right_edge.i + 1 == marker.i), None)
        if obj is not None:
            name.head, name.dep_ = obj, "nmod"
    return doc


def repair_predicate_of_a_list_read_apart(doc: Doc) -> Doc:
    """'Saudi Arabia recalled its ambassador on 29 October, asked the Lebanese ambassador to leave
    and halted all imports': the parser may hang the second verb of the list on the sentence's root
    as an aside. A past verb without a subject right after a comma that closes a clause with one is
    the next predicate of that clause's subject: a conjunct of its verb."""
    for verb in doc:
        if verb.dep_ != "parataxis" or verb.tag_ != "VBD" or verb.i < 2 or doc[verb.i - 1].text != "," or \
                any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        before = next((t for t in doc[:verb.i - 1] if t.tag_ in {"VBD", "VBZ", "VBP"} and t.right_edge.i == verb.i - 2
                       and any(c.dep_ in SUBJECTS for c in t.children) and verb not in t.ancestors), None)
        if before is not None and before not in verb.subtree:
            verb.head, verb.dep_ = before, "conj"
    return doc


def repair_conjunct_read_as_apposition(doc: Doc) -> Doc:
    """'Ghana, Togo, Benin and Nigeria severed ties': the parser may read the second name of a list
    as an apposition of the first. A bare name set off by commas between a bare name and that
    name's conjuncts is one more conjunct."""
    for name in doc:
        head = name.head
        if name.dep_ != "appos" or name.pos_ != "PROPN" or head.pos_ != "PROPN" or name.i < 2 or \
                doc[name.i - 1].text != "," or any(c.dep_ not in {"punct", "compound", "flat"} for c in name.children):
            continue
        if any(c.dep_ == "conj" and c.i > name.i for c in head.children):
            name.dep_ = "conj"
    return doc


def repair_finite_conjunct_of_an_infinitive(doc: Doc) -> Doc:
    """'..., asked the ambassador to leave within 48 hours and halted all imports', 'denied closing
    anything and accused Moscow': the parser may join the last past verb of a list to the infinitive
    or the gerund before it. A past verb is no conjunct of either: it joins the finite verb that
    governs them."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.head.tag_ not in {"VB", "VBG"}:
            continue
        finite = next((a for a in verb.head.ancestors if a.tag_ in {"VBD", "VBZ", "VBP"}), None)
        if finite is not None:
            verb.head = finite
    return doc


def repair_subject_read_as_modifier_of_the_root(doc: Doc) -> Doc:
    """'The regime's fighter jets again struck targets in the capital': the parser may read the whole
    sentence as one noun phrase, the verb an adjective of its object ('struck targets') and the
    subject a compound of it. With no verb left in the sentence, the past verb is the root, the noun
    before it (past any adverb of the verb) its subject and the root noun its object."""
    root = sentence_root(doc)
    if root.pos_ not in {"NOUN", "PROPN"}:
        return doc
    verb = next((c for c in root.lefts if c.dep_ in {"amod", "compound"} and c.tag_ in {"VBD", "VBN"}), None)
    if verb is None:
        return doc
    before = [t for t in doc[:verb.i] if not (t.head == verb and t.dep_ == "advmod")]
    subject = before[-1] if before else None
    if subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"} or subject.head != root:
        return doc
    verb.head, verb.dep_ = verb, "ROOT"
    for child in list(root.children):
        if child.i < subject.i and child.dep_ != "case":
            child.head = subject
        elif child.i > root.i and child.dep_ == "punct":
            child.head = verb
    subject.head, subject.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "obj"
    return doc


def repair_verb_read_as_adjective_in_a_verbless_sentence(doc: Doc) -> Doc:
    """'Senegal summoned Ukraine's ambassador', 'Foreign Minister Yang Jiechi summoned Ambassador
    Niwa', 'President X, in a video address, accused Dushanbe of ...': after a name (or the comma
    closing a phrase set off after it) the parser may read the past verb as an adjective deep inside
    one long noun phrase, whatever it hangs it on. A sentence whose root is a noun has lost its verb,
    and a past tense read as an adjective between two noun phrases is that verb: it is the root, the
    phrase before it its subject and the one after it its object; what else hung across the verb now
    hangs on it."""
    root = sentence_root(doc)
    if root.pos_ not in {"NOUN", "PROPN"}:
        return doc
    verb = next((t for t in doc[1:-1] if t.dep_ in {"amod", "compound"} and t.tag_ in {"VBD", "VBN"}
                 and (doc[t.i - 1].pos_ in {"NOUN", "PROPN"} or doc[t.i - 1].text == "," and root.i < t.i)
                 and doc[t.i + 1].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}), None)
    if verb is not None:
        make_clause(doc, verb, len(doc))
    return doc


def make_clause(doc: Doc, verb: Token, end: int, governor: Token | None = None) -> None:
    """The words up to `end` made the clause of a verb the parser read as an adjective: the phrase
    before it its subject, the one after it its object, what hung across it now on it; the verb
    is the root, or the complement of a governor after the clause ("..., her ministry said")."""
    before = [t for t in doc[:verb.i] if t.head.i >= verb.i or t.head == t]
    after = [t for t in doc[verb.i + 1:end] if t.head.i <= verb.i or t.head.i >= end or t.head == t]
    subject = next((t for t in reversed(before) if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    obj = next((t for t in after if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    if subject is None or obj is None:
        return
    head, dep = (governor, "ccomp") if governor is not None else (verb, "ROOT")
    verb.head, verb.dep_, verb.tag_, verb.pos_ = head, dep, "VBD", "VERB"
    for token in before + after:
        token.head = verb
        if token.dep_ in {"ROOT", "amod", "compound", "flat", "appos", "nsubj"}:
            token.dep_ = "obl" if token.i > verb.i else "dep"
        elif token.dep_.startswith("nmod") and token.i > verb.i:
            token.dep_ = token.dep_.replace("nmod", "obl")
    subject.dep_, obj.dep_ = "nsubj", "obj"


def repair_verb_read_as_adjective_before_a_closing_speaker(doc: Doc) -> Doc:
    """'Foreign Minister X summoned Morocco's ambassador, Y, to convey ..., her ministry said': the
    same misreading in a sentence whose only verb the parser kept is the closing 'said'. A past tense
    read as an adjective right after a name, before the comma that opens the speaker, is the verb of
    the reported clause."""
    root = sentence_root(doc)
    speaker = next((c for c in root.children if c.dep_ == "nsubj" and c.i > 1 and
                    doc[first_word(c).i - 1].text == ","), None)
    if root.pos_ != "VERB" or speaker is None:
        return doc
    end = first_word(speaker).i - 1
    if root.i < end:
        return doc
    verb = next((t for t in doc[1:end] if t.dep_ == "amod" and t.tag_ == "VBD" and t.head.i > t.i
                 and doc[t.i - 1].pos_ in {"NOUN", "PROPN"}), None)
    finite = [t for t in doc[:end] if t.tag_ in {"VBD", "VBZ", "VBP"} and t.dep_ not in {"amod", "acl"}]
    if verb is not None and not finite:     # the clause has no verb of its own
        make_clause(doc, verb, end, governor=root)
    return doc


def first_word(token: Token) -> Token:
    """The first word of a token's phrase, past the punctuation hung on it."""
    return next(t for t in token.subtree if not t.is_punct)


def repair_subject_read_as_apposition_of_a_fronted_place(doc: Doc) -> Doc:
    """'In Bogota, President Gustavo Petro on Monday urged ...', 'On Facebook, X, Morocco's minister
    ..., wrote': the parser may read the name after the comma as an apposition (or a conjunct) of the
    phrase before it and leave the verb without a subject. That phrase says where or when; the name
    after the comma that closes it, before a verb with no subject, is that verb's subject, and the
    apposition after the name is the name's."""
    for verb in doc:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        # "In September, Albares and Mondino met": the second name of the subject was left to the verb
        second = subject is not None and any(c.dep_ == "cc" and c.i < subject.i for c in subject.children)
        if not verb.tag_.startswith("VB") or (subject is not None and not second):
            continue
        place = next((c for c in verb.lefts if c.dep_ == "obl" and
                      any(g.dep_ == "case" and g.lower_ in {"in", "at", "from", "on"} for g in c.children)), None)
        name = next((c for c in place.children if c.dep_ in {"appos", "conj"} and c.pos_ == "PROPN"
                     and doc[first_word(c).i - 1].text == ","), None) if place is not None else None
        if name is not None and second and name.i < subject.i:
            subject.head, subject.dep_ = name, "conj"
        if name is not None and name.i < verb.i and (not second or subject.head == name):
            for apposition in [c for c in place.children if c.dep_ == "appos" and name.i < c.i < verb.i]:
                apposition.head = name      # "On Facebook, Mustapha Ramid, Morocco's minister ..., wrote"
            name.head, name.dep_ = verb, "nsubj"
            for child in list(name.rights):
                if child.dep_.startswith("nmod") and child.i < verb.i:
                    child.head, child.dep_ = verb, child.dep_.replace("nmod", "obl")
    return doc


def repair_persona_non_grata(doc: Doc) -> Doc:
    """'declared Mexico's ambassador persona non grata': the treebank has no Latin, and the parser may
    read 'persona' as a verb with the envoy as its subject. The phrase is the complement of the verb
    it hangs under ('grata' its head, as the patterns file names it), and whoever it hung on the
    phrase is that verb's object."""
    for start in range(len(doc) - 2):
        if [t.lower_ for t in doc[start:start + 3]] != ["persona", "non", "grata"]:
            continue
        phrase = list(doc[start:start + 3])
        persona, non, grata = phrase
        verb = next((a for a in list(persona.ancestors) + list(grata.ancestors)
                     if a not in phrase and a.pos_ in {"VERB", "AUX"}), None)
        if verb is None or any(a in phrase for a in verb.ancestors):
            continue        # the verb hangs inside the phrase: rehanging the phrase on it would loop
        hung = [c for t in phrase for c in t.children if c not in phrase]
        grata.head, grata.dep_, grata.tag_, grata.pos_ = verb, "xcomp", "JJ", "ADJ"
        persona.head, persona.dep_, persona.tag_, persona.pos_ = grata, "compound", "NN", "NOUN"
        non.head, non.dep_ = grata, "advmod"
        for child in hung:
            obj = next((c for c in verb.children if c.dep_ in {"obj", "nsubj:pass"}), None)
            if child.i < start and child.pos_ in {"NOUN", "PROPN", "PRON"} and child.dep_ != "case":
                child.head, child.dep_ = (verb, "obj") if obj is None else (obj, "appos")
            else:
                child.head = verb
                child.dep_ = child.dep_.replace("nmod", "obl")
    return doc


def repair_passive_without_auxiliary(doc: Doc) -> Doc:
    """'Pakistani and Afghan forces clashed again': the tagger may read a past tense as a participle
    and the parser its subject as passive. A passive main clause has its auxiliary ('were clashed');
    without one, outside a headline, the subject is the doer."""
    root = sentence_root(doc)
    if doc.user_data.get("unpunctuated") or root.tag_ != "VBN" or \
            any(c.dep_ in {"aux", "aux:pass", "cop"} for c in root.children):
        return doc
    for child in root.children:
        if child.dep_ == "nsubj:pass":
            child.dep_ = "nsubj"
    return doc


def repair_clause_of_verb_read_as_noun_modifier(doc: Doc) -> Doc:
    """'The Taliban deny sheltering the group': where the tagger half took the verb for a noun, the
    parser hangs its complement on it as a noun's modifier. A verb's gerund or infinitive is its
    complement."""
    for clause in doc:
        head = clause.head
        if clause.dep_ == "acl" and head.tag_.startswith("VB") and head.pos_ != "AUX" and \
                (clause.tag_ == "VBG" or any(c.dep_ == "mark" and c.lower_ == "to" for c in clause.children)):
            clause.dep_ = "xcomp"
    return doc


def repair_conjunct_of_a_reported_clause(doc: Doc) -> Doc:
    """'X told reporters that Georgian forces were still shelling Tskhinvali and accused Tbilisi of
    ...': the parser may coordinate the last verb with the reported clause's verb, whose subject it
    then takes. A verb with neither subject nor auxiliary, in the saying verb's tense, coordinated
    with a reported verb that has auxiliaries ('were shelling', 'should have known'), is the
    speaker's second act. So is one coordinated with a reported copula ('said the crisis was not
    about migration ... and accused Madrid of ...')."""
    for verb in doc:
        clause = verb.head
        saying = clause.head
        if verb.dep_ != "conj" or verb.tag_ not in {"VBD", "VBZ"} or clause.dep_ != "ccomp" or \
                saying.tag_ != verb.tag_ or any(c.dep_ in SUBJECTS | AUXILIARIES for c in verb.children) or \
                not any(c.dep_ in AUXILIARIES | {"cop"} for c in clause.children):
            continue
        verb.head = saying
    return doc


def repair_predicate_adjective_read_as_modifier_of_the_object(doc: Doc) -> Doc:
    """'called the attack "completely unacceptable"': the parser may hang an adjective that follows
    the object on it, as if it were 'the unacceptable attack'. An English adjective stands before
    its noun; one after the verb's object is what the verb makes of it."""
    for adjective in doc:
        noun = adjective.head
        if adjective.dep_ == "amod" and adjective.pos_ == "ADJ" and adjective.i > noun.i and \
                noun.dep_ == "obj" and noun.head.pos_ == "VERB":
            adjective.dep_, adjective.head = "xcomp", noun.head
    return doc


# verbs that say what they make of their object ("called the ban discriminatory")
COMPLEMENT_VERBS = {"call", "describe", "consider", "deem", "declare", "brand", "label", "term", "find", "judge"}
ADJECTIVE_ENDINGS = ("ory", "ous", "ive", "able", "ible", "ful", "ical", "less")


def repair_predicate_adjective_read_as_head_of_the_object(doc: Doc) -> Doc:
    """'called the ban discriminatory': the tagger may take the adjective for a noun and the object
    for its compound ('the ban-discriminatory'). After a verb that says what it makes of its object,
    a word with an adjective's ending that closes such a pair is that judgement, and the noun before
    it the object."""
    for word in doc:
        noun = doc[word.i - 1] if word.i > 0 else None
        if word.dep_ == "obj" and word.tag_ == "NN" and word.lower_.endswith(ADJECTIVE_ENDINGS) and \
                word.head.lemma_ in COMPLEMENT_VERBS and noun is not None and noun.head.i == word.i and \
                noun.dep_ == "compound" and noun.pos_ == "NOUN":
            verb = word.head
            for child in list(word.children):
                if child.i < noun.i:
                    child.head = noun
            noun.head, noun.dep_ = verb, "obj"
            word.head, word.dep_, word.pos_, word.tag_ = verb, "xcomp", "ADJ", "JJ"
    return doc


def repair_name_read_as_common_noun(doc: Doc) -> Doc:
    """'Foreign Minister Bert Koenders': the tagger may read a surname ending in -s as a plural noun.
    A capitalised noun that a title describes, itself or through the given name before it, is a name
    ('NATO Defence Ministers', with no title, stays a noun)."""
    def titled(name: Token) -> bool:
        return any(c.dep_ == "nmod:desc" for c in name.lefts)
    for token in doc:
        if token.tag_ in {"NN", "NNS"} and token.text[:1].isupper() and \
                (titled(token) or any(c.dep_ == "compound" and c.tag_ == "NNP" and c.i == token.i - 1 and titled(c)
                                      for c in token.lefts)):
            token.tag_, token.pos_ = "NNP", "PROPN"
    return doc


def repair_subject_read_as_aside(doc: Doc) -> Doc:
    """'Tajikistan, for its part, accused Kyrgyzstan of ...': the parser may take the aside's noun
    ('part', which has a preposition) for the subject and leave the name before the comma unattached.
    A noun with a preposition is no subject; the name that opens the sentence is, or the one after
    the aside."""
    for aside in doc:
        verb = aside.head
        if aside.dep_ != "nsubj" or not any(c.dep_ == "case" for c in aside.children):
            continue
        name = next((c for c in verb.children if c.dep_ == "dep" and c.i < aside.i and c.pos_ in {"PROPN", "NOUN"}), None)
        # "In a statement late on Monday, the Arab League's secretary-general, X, expressed ...": the
        # phrase after the aside's comma, read as its apposition, is the subject
        name = name or next((c for c in aside.children if c.dep_ == "appos" and c.pos_ in {"PROPN", "NOUN", "ADJ"}), None)
        # "Sudan's army in turn accused ...": the subject hung on the aside as its own
        name = name or next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i
                             and c.pos_ in {"PROPN", "NOUN"}), None)
        if name is not None:
            aside.dep_, name.dep_, name.head = "obl", "nsubj", verb
    return doc


def repair_verb_with_a_subject_read_as_adjective(doc: Doc) -> Doc:
    """'Pashinyan accused Ankara of ..., a charge Turkey rejected', 'the United States and Britain
    voiced support': the parser may keep the subject on the verb yet hang the verb, as an adjective,
    on a noun after it. An adjective has no subject ('Iran-backed' is a compound, not a clause): the
    verb takes the noun's place and the noun is its object, or, set off by a comma after the verb's
    own object, a phrase that sums the clause up ('a charge Turkey rejected')."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or noun.i <= verb.i or verb.i == 0 or \
                doc[verb.i - 1].text in {"-", "–"} or \
                not any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN", "PRON"} for c in verb.children):
            continue
        end = verb.right_edge.i         # the verb's own phrase ends here; the noun's begins after it
        summing = any(c.dep_ == "obj" for c in verb.children) and any(t.text == "," for t in doc[end + 1:noun.i])
        if summing and noun.dep_ == "nsubj" and noun.head.pos_ in {"VERB", "AUX"}:
            clause = noun.head
            verb.head, verb.dep_ = (verb if clause.head == clause else clause.head), clause.dep_
            for child in list(clause.children):
                if child.i <= end or (child.is_punct and child.i == len(doc) - 1):
                    child.head = verb
            clause.head, clause.dep_ = noun, "acl:relcl"
            noun.head, noun.dep_ = verb, "parataxis"
        elif not summing:
            verb.head, verb.dep_ = (verb if noun.head == noun else noun.head), noun.dep_
            for child in list(noun.children):
                if child.i < verb.i:
                    child.head = verb
            noun.head, noun.dep_ = verb, "obj"
        verb.pos_ = "VERB"
    return doc


def offset_of(token: Token) -> int:
    """Where a token starts in the sentence's own text."""
    return token.doc.user_data["offsets"][token.i]


def tokens_at(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens that overlap the characters start..end of the sentence's own text."""
    offsets = doc.user_data["offsets"]
    inside = [i for i, offset in enumerate(offsets) if offset < end and start < offset + len(doc[i])]
    return doc[inside[0]:inside[-1] + 1] if inside else None


def parse_sentences(sentences: pd.DataFrame, nlp: Language | None = None,
                    past: Mapping[str, str] | None = None) -> dict[tuple[str, int], Doc]:
    """{(article_id, sentence_id): tree} for every row of the `sentences` table."""
    keys = list(zip(sentences["article_id"], sentences["sentence_id"].astype(int)))
    return dict(zip(keys, parse_texts(sentences["text"].tolist(), nlp, past=past)))


def tokens_table(parses: dict[tuple[str, int], Doc]) -> pd.DataFrame:
    """The trees as a table (one row per token), for reading a parse in a notebook."""
    rows = [{"article_id": article_id, "sentence_id": sentence_id, "i": token.i, "text": token.text,
             "lemma": token.lemma_, "pos": token.pos_, "tag": token.tag_, "dep": token.dep_, "head": token.head.i}
            for (article_id, sentence_id), doc in parses.items() for token in doc]
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def repair_present_verb_read_as_plural_noun(doc: Doc) -> Doc:
    """'The court orders Israel to take ...', 'The Kremlin denies orchestrating ...': the parser may
    read a verb in the present, after a subject with "the", as a plural noun that the subject
    modifies. A noun has no object and no clause of its own: the word is the verb, the noun before it
    its subject."""
    for verb in doc:
        subject = doc[verb.i - 1] if verb.i else None
        if verb.dep_ != "ROOT" or verb.tag_ != "NNS" or not verb.lower_.endswith("s") or subject is None or \
                subject.head != verb or subject.dep_ != "compound" or subject.pos_ not in {"NOUN", "PROPN"}:
            continue
        clauses = [c for c in verb.rights if c.dep_ in {"obj", "xcomp", "ccomp"} or (c.dep_ == "acl" and c.tag_ == "VBG")]
        if not clauses:
            continue
        for child in list(verb.lefts):
            if child.i < subject.i and child.dep_ in {"det", "amod", "compound", "nmod:poss"}:
                child.head = subject
        subject.dep_ = "nsubj"
        for clause in clauses:
            clause.dep_ = "xcomp" if clause.dep_ == "acl" else clause.dep_
        verb.tag_, verb.pos_, verb.lemma_ = "VBZ", "VERB", without_final_s(verb.lower_)
    return doc


def repair_names_read_as_vocative_of_a_plural_title(doc: Doc) -> Doc:
    """'Foreign ministers Jean-Noel Barrot and Jeyhun Bayramov spoke ...': the parser may hang the
    names after a plural title on it as if addressed. Names right after the title are who it is."""
    for name in doc:
        title = name.head
        if name.dep_ == "vocative" and name.pos_ == "PROPN" and title.tag_ == "NNS" and name.i == title.i + 1:
            name.dep_ = "appos"
    return doc


# Offices written in lower case before a name ("ambassador Kang Chol", "spokesman Dmitry Peskov")
TITLES = {"ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "premier",
          "chancellor", "secretary", "counsellor", "counselor", "diplomat", "official", "general", "commander",
          "governor", "senator", "consul", "deputy", "lawmaker", "legislator", "mayor", "negotiator", "adviser",
          "advisor", "aide", "prosecutor", "judge", "king", "queen", "prince", "emir", "colonel", "admiral",
          "leader", "chief", "head", "director", "representative", "attaché", "chargé"}


def repair_lowercase_title_read_as_head_of_the_clause(doc: Doc) -> Doc:
    """'North Korean ambassador Kang Chol accused Malaysia ...': the parser may read a title written
    in lower case as the head of the sentence, and the verb as a clause of it whose subject is the
    name. The title is the name's: the verb takes the title's place, the title hangs on the name."""
    for title in doc:
        if title.pos_ != "NOUN" or title.lower_ not in TITLES or title.i + 1 >= len(doc):
            continue
        names = names_after(doc, title.i + 1)
        subject = next((t for t in names if t.dep_ in {"nsubj", "nsubj:pass"}), None)
        verb = subject.head if subject is not None else None
        if verb is None or verb.head != title or verb.pos_ not in {"VERB", "AUX"} or verb.i < title.i:
            continue
        is_root = title.head == title
        verb.head, verb.dep_ = (verb if is_root else title.head), title.dep_
        title.head, title.dep_ = subject, "nmod:desc"
        for child in list(title.children):
            if child.i > title.i and child not in names:
                child.head = verb
    return doc


def names_after(doc: Doc, start: int) -> list[Token]:
    """The run of proper nouns that starts at `start`."""
    end = start
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return list(doc[start:end])


def repair_subject_of_a_participle_aside(doc: Doc) -> Doc:
    """'President Paul Kagame, addressing a gathering in Kigali, accused Belgium ...': the parser may
    give the name to the participle between the commas and leave the verb after them without a
    subject. A participle set off by commas after a name is an aside on it: the name is the verb's
    subject, and the participle a clause of the verb."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i < 2 or \
                any(c.dep_ in SUBJECTS for c in verb.children) or doc[verb.i - 1].text != ",":
            continue
        aside = next((t for t in doc[:verb.i] if t.tag_ == "VBG" and t.i > 1 and doc[t.i - 1].text == ","
                      and t.right_edge.i == verb.i - 2), None)
        name = next((c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i), None) if aside else None
        if name is None or verb in aside.ancestors:
            continue
        name.head, name.dep_ = verb, "nsubj"
        if verb.head == aside.head and verb.dep_ != "ROOT" or aside.head == aside:
            continue
        aside.head, aside.dep_ = verb, "advcl"
    return doc
