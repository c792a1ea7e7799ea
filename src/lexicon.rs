//! Word lists compiled in from `data/lexicon/*.txt`, parsed once. Editors
//! extend factsheet's vocabulary by editing those files: one entry per line,
//! `#` starts a comment, optional value after a space.

use std::sync::LazyLock;

/// Every word list is a [`WordTable`]: lookups of short words in any case
/// are the hot path of the whole analysis.
type FastSet = WordTable<()>;
type FastMap<V> = WordTable<V>;

/// A word list looked up in any case without lower-casing first: the key
/// hash folds ASCII capitals as it reads, so "Said", "SAID" and "said" find
/// the same entry with no allocation. Words with other capitals (É) take
/// the slow path through `lowercase`. Keys are the lexicon files' entries,
/// which are lower case. Open addressing, at most half full.
pub(crate) struct WordTable<V> {
    /// Open addressing: each slot holds its key's folded last eight bytes
    /// and length, so a probe reads one slot and a word of up to eight
    /// bytes (most words) is settled there without reading the key.
    slots: Vec<Slot>,
    /// Slot = the hash's top bits (the best mixed by the multiply).
    shift: u32,
    mask: usize,
    entries: Vec<(&'static str, V)>,
    /// One bit per (first letter, last letter, length) of the keys: most
    /// words of a text are on no list, and this turns them away before
    /// any hashing.
    filter: [u64; 64],
}

/// A slot of a [`WordTable`]: `len` 0 is empty (keys are never empty).
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The key's last eight bytes as `folded_hash` reads them.
    tail: u64,
    len: u32,
    /// Index into `entries`.
    entry: u32,
}

/// The `filter` bit of a word (ASCII capitals folded).
#[inline]
fn filter_bit(word: &[u8]) -> (usize, u64) {
    let first = word.first().map_or(0, u8::to_ascii_lowercase);
    let last = word.last().map_or(0, u8::to_ascii_lowercase);
    let x = (u32::from(first) << 16) | (u32::from(last) << 8) | (word.len().min(255) as u32);
    let bit = (x.wrapping_mul(0x9E37_79B1) >> 20) as usize;
    (bit >> 6, 1 << (bit & 63))
}

/// FxHash-style mixing of a word's bytes, eight at a time, with ASCII
/// capitals folded on the way (the word-at-a-time trick std uses for
/// `make_ascii_lowercase`).
#[inline]
fn folded_hash(word: &[u8]) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    #[inline]
    fn fold(x: u64) -> u64 {
        let low7 = x & (ONES * 0x7f);
        let above_z = low7.wrapping_add(ONES * (0x7f - b'Z' as u64));
        let from_a = low7.wrapping_add(ONES * (0x80 - b'A' as u64));
        let upper = from_a & !above_z & !x & (ONES * 0x80);
        x | (upper >> 2)
    }
    let mut h: u64 = word.len() as u64;
    let mut tail = 0;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        tail = fold(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        h = (h.rotate_left(5) ^ tail).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        tail = fold(little_endian(rest));
        h = (h.rotate_left(5) ^ tail).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    (h, tail)
}

/// The bytes of `rest` (fewer than eight) as a little-endian number, read
/// as two overlapping loads instead of byte by byte.
#[inline]
fn little_endian(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
        let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
        // The two halves overlap on equal bytes, so OR joins them.
        u64::from(lo) | (u64::from(hi) << (8 * (n - 4)))
    } else if n > 0 {
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << (8 * (n / 2))) | (u64::from(rest[n - 1]) << (8 * (n - 1)))
    } else {
        0
    }
}

impl<V> WordTable<V> {
    /// Could `word` (lower-cased if not ASCII) be a key? Checked inline,
    /// before the call that hashes.
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        let (w, b) = filter_bit(word);
        self.filter[w] & b != 0
    }

    #[inline(never)]
    fn slot_of(&self, word: &[u8]) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let (hash, tail) = folded_hash(word);
        let mut i = (hash >> self.shift) as usize;
        loop {
            let slot = self.slots[i];
            if slot.len == 0 {
                return None;
            }
            // The folded last eight bytes settle words of up to eight.
            if slot.len as usize == word.len()
                && slot.tail == tail
                && (word.len() <= 8
                    || self.entries[slot.entry as usize]
                        .0
                        .as_bytes()
                        .eq_ignore_ascii_case(word))
            {
                return Some(slot.entry as usize);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value for `word`, in any case.
    #[inline]
    pub fn get(&self, word: &str) -> Option<&V> {
        if word.is_ascii() {
            return self.get_ascii(word.as_bytes());
        }
        let lower = lowercase(word);
        if !self.may_hold(lower.as_bytes()) {
            return None;
        }
        self.slot_of(lower.as_bytes()).map(|i| &self.entries[i].1)
    }

    /// [`get`](Self::get) of a word the caller has seen is all ASCII (the
    /// tokenizer's plain words), without testing it again.
    #[inline]
    pub fn get_ascii(&self, word: &[u8]) -> Option<&V> {
        if !self.may_hold(word) {
            return None;
        }
        self.slot_of(word).map(|i| &self.entries[i].1)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &&'static str> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.keys()
    }

    /// The keys and their values, in the order they were added.
    pub fn pairs(&self) -> &[(&'static str, V)] {
        &self.entries
    }

    /// Adds `key` or combines its value with `merge`.
    fn upsert(&mut self, key: &'static str, value: V, merge: impl FnOnce(&mut V, V)) {
        if let Some(i) = self.slot_of(key.as_bytes()) {
            merge(&mut self.entries[i].1, value);
            return;
        }
        self.entries.push((key, value));
        if self.entries.len() * 2 > self.slots.len() {
            let size = (self.entries.len() * 4).next_power_of_two();
            self.slots = vec![Slot::default(); size];
            self.mask = size - 1;
            self.shift = 64 - size.trailing_zeros();
            for n in 0..self.entries.len() {
                self.place(n);
            }
        } else {
            self.place(self.entries.len() - 1);
        }
    }

    fn place(&mut self, n: usize) {
        let (w, b) = filter_bit(self.entries[n].0.as_bytes());
        self.filter[w] |= b;
        let key = self.entries[n].0.as_bytes();
        let (hash, tail) = folded_hash(key);
        let mut i = (hash >> self.shift) as usize;
        while self.slots[i].len != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = Slot {
            tail,
            len: key.len() as u32,
            entry: n as u32,
        };
    }
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            slots: Vec::new(),
            shift: 63,
            mask: 0,
            entries: Vec::new(),
            filter: [0; 64],
        }
    }
}

impl<V> FromIterator<(&'static str, V)> for WordTable<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        let mut t = WordTable::default();
        for (k, v) in iter {
            // As a HashMap would: the last value for a repeated key wins.
            t.upsert(k, v, |old, new| *old = new);
        }
        t
    }
}

impl FromIterator<&'static str> for WordTable<()> {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        iter.into_iter().map(|k| (k, ())).collect()
    }
}

/// A word in lower case, for the grammar's comparisons with literal words
/// (word lists need none: they fold case themselves). Words are folded into
/// an inline string (up to 24 bytes on the stack) instead of a fresh heap
/// allocation each time.
pub(crate) enum Lower<'a> {
    Same(&'a str),
    Folded(compact_str::CompactString),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Folded(s) => s,
        }
    }
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        self
    }
    pub fn into_owned(self) -> String {
        match self {
            Lower::Same(s) => s.to_string(),
            Lower::Folded(s) => s.into_string(),
        }
    }
}

impl Default for Lower<'_> {
    fn default() -> Self {
        Lower::Same("")
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Lower<'_>> for &str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq for Lower<'_> {
    fn eq(&self, other: &Lower<'_>) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// Does `s` end with `suffix` (ASCII, any case)? Only the end is
/// compared, so nothing is lower-cased first.
pub(crate) fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    let (s, suffix) = (s.as_bytes(), suffix.as_bytes());
    s.len() >= suffix.len() && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// `w.trim_end_matches("’s").trim_end_matches("'s")` ("Tuesday’s" →
/// "Tuesday") without building a substring searcher for each call, which
/// cost more than the rest of a date's reading.
pub(crate) fn without_possessive_ends(w: &str) -> &str {
    let mut w = w;
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    w
}

/// `s.to_lowercase().starts_with(prefix)` for a lower-case ASCII
/// `prefix`, without copying `s` when its first bytes are ASCII (then
/// they are all that lower-casing could put there).
pub(crate) fn lower_starts_with(s: &str, prefix: &str) -> bool {
    debug_assert!(!prefix.bytes().any(|b| b.is_ascii_uppercase()));
    match s.as_bytes().get(..prefix.len()) {
        Some(head) if head.is_ascii() => head.eq_ignore_ascii_case(prefix.as_bytes()),
        _ => lowercase(s).starts_with(prefix),
    }
}

/// `s.to_lowercase().ends_with(suffix)` for a lower-case ASCII `suffix`,
/// without copying `s` when its last bytes are ASCII.
pub(crate) fn lower_ends_with(s: &str, suffix: &str) -> bool {
    debug_assert!(!suffix.bytes().any(|b| b.is_ascii_uppercase()));
    let b = s.as_bytes();
    match b.len().checked_sub(suffix.len()).map(|k| &b[k..]) {
        Some(tail) if tail.is_ascii() => tail.eq_ignore_ascii_case(suffix.as_bytes()),
        _ => lowercase(s).ends_with(suffix),
    }
}

/// Lower case without allocating when the word already is (most words) or
/// is short.
pub(crate) fn lowercase(s: &str) -> Lower<'_> {
    let bytes = s.as_bytes();
    if !bytes.iter().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Lower::Same(s)
    } else if bytes.is_ascii() {
        let mut folded = compact_str::CompactString::from(s);
        folded.make_ascii_lowercase();
        Lower::Folded(folded)
    } else {
        lowercase_unicode(s)
    }
}

/// [`lowercase`] of a word with a character beyond ASCII ("O’Brien",
/// "“Border"): most have only capitals from ASCII or none, so they are
/// folded character by character into the inline string, not through a
/// fresh `String` each time.
fn lowercase_unicode(s: &str) -> Lower<'_> {
    // A capital sigma's lower case depends on where it stands in its word.
    if s.contains('Σ') {
        return Lower::Folded(compact_str::CompactString::from(s.to_lowercase()));
    }
    let same = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    };
    if s.chars().all(same) {
        return Lower::Same(s);
    }
    let mut folded = compact_str::CompactString::with_capacity(s.len());
    for c in s.chars() {
        folded.extend(c.to_lowercase());
    }
    Lower::Folded(folded)
}

/// A hash of a word that ignores case and the kind of apostrophe
/// ("O’Brien" = "o'brien"): for comparing many words many times by number.
pub(crate) fn folded_key(word: &str) -> u64 {
    // ASCII words (most) are hashed as they are, capitals folded on the
    // way, eight bytes at a time; others are folded character by character
    // first.
    if word.is_ascii() {
        return folded_hash(word.as_bytes()).0;
    }
    let mut folded = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        if c == '’' {
            folded.push('\'');
        } else {
            folded.extend(c.to_lowercase());
        }
    }
    folded_hash(folded.as_bytes()).0
}

/// Lines of a lexicon file without comments and blanks.
/// The entries of a word list: each line without its `#` comment, trimmed,
/// blank lines left out.
pub(crate) fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn set(src: &'static str) -> FastSet {
    entries(src).collect()
}

/// `key value` lines.
fn pairs(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(src)
        .filter_map(|l| l.rsplit_once(' '))
        .map(|(k, v)| (k.trim(), v.trim()))
}

fn map(src: &'static str) -> FastMap<&'static str> {
    pairs(src).collect()
}

pub(crate) const SOURCES: &[(&str, &str)] = &[
    ("speech_verbs.txt", include_str!("../data/lexicon/speech_verbs.txt")),
    (
        "mined_cue_verbs.txt",
        include_str!("../data/lexicon/mined_cue_verbs.txt"),
    ),
    ("titles.txt", include_str!("../data/lexicon/titles.txt")),
    ("honorifics.txt", include_str!("../data/lexicon/honorifics.txt")),
    ("abbreviations.txt", include_str!("../data/lexicon/abbreviations.txt")),
    ("months.txt", include_str!("../data/lexicon/months.txt")),
    ("org_words.txt", include_str!("../data/lexicon/org_words.txt")),
    ("number_words.txt", include_str!("../data/lexicon/number_words.txt")),
    ("female_names.txt", include_str!("../data/lexicon/female_names.txt")),
    ("male_names.txt", include_str!("../data/lexicon/male_names.txt")),
    ("place_words.txt", include_str!("../data/lexicon/place_words.txt")),
    ("function_words.txt", include_str!("../data/lexicon/function_words.txt")),
    ("not_names.txt", include_str!("../data/lexicon/not_names.txt")),
    ("weekdays.txt", include_str!("../data/lexicon/weekdays.txt")),
    ("role_modifiers.txt", include_str!("../data/lexicon/role_modifiers.txt")),
    ("speech_nouns.txt", include_str!("../data/lexicon/speech_nouns.txt")),
    ("irregular_past.txt", include_str!("../data/lexicon/irregular_past.txt")),
    (
        "introductory_words.txt",
        include_str!("../data/lexicon/introductory_words.txt"),
    ),
    ("subordinators.txt", include_str!("../data/lexicon/subordinators.txt")),
    ("claim_starts.txt", include_str!("../data/lexicon/claim_starts.txt")),
    (
        "sentence_adverbs.txt",
        include_str!("../data/lexicon/sentence_adverbs.txt"),
    ),
    ("term_openers.txt", include_str!("../data/lexicon/term_openers.txt")),
    (
        "characterising_verbs.txt",
        include_str!("../data/lexicon/characterising_verbs.txt"),
    ),
];

fn source(name: &str) -> &'static str {
    SOURCES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s).unwrap_or("")
}

/// The hand list and the cue verbs mined from annotated news
/// (`scripts/mine_cues.py`): the annotators' list has the forms copy uses
/// that no one thought to write down ("conceded", "quipped", "recounted").
pub(crate) static SPEECH_VERBS: LazyLock<FastSet> = LazyLock::new(|| {
    let mined = pairs(source("mined_cue_verbs.txt")).map(|(word, _count)| word);
    entries(source("speech_verbs.txt")).chain(mined).collect()
});
pub(crate) static IRREGULAR_PAST: LazyLock<FastSet> = LazyLock::new(|| set(source("irregular_past.txt")));
pub(crate) static INTRODUCTORY_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("introductory_words.txt")));
pub(crate) static SUBORDINATORS: LazyLock<FastSet> = LazyLock::new(|| set(source("subordinators.txt")));
/// Words that open a sentence before a comma without being its subject.
pub(crate) static SENTENCE_ADVERBS: LazyLock<FastSet> = LazyLock::new(|| set(source("sentence_adverbs.txt")));
/// Words after which a short quotation is a term, not someone's words.
pub(crate) static TERM_OPENERS: LazyLock<FastSet> = LazyLock::new(|| set(source("term_openers.txt")));
pub(crate) static SPEECH_NOUNS: LazyLock<FastSet> = LazyLock::new(|| set(source("speech_nouns.txt")));
pub(crate) static CHARACTERISING_VERBS: LazyLock<FastSet> = LazyLock::new(|| set(source("characterising_verbs.txt")));
pub(crate) static TITLES: LazyLock<FastSet> = LazyLock::new(|| set(source("titles.txt")));
pub(crate) static HONORIFICS: LazyLock<FastMap<&'static str>> = LazyLock::new(|| map(source("honorifics.txt")));
pub(crate) static ABBREVIATIONS: LazyLock<FastSet> = LazyLock::new(|| set(source("abbreviations.txt")));
pub(crate) static ORG_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("org_words.txt")));
pub(crate) static FEMALE_NAMES: LazyLock<FastSet> = LazyLock::new(|| set(source("female_names.txt")));
pub(crate) static MALE_NAMES: LazyLock<FastSet> = LazyLock::new(|| set(source("male_names.txt")));
/// Role modifiers, with `true` for rank words.
pub(crate) static ROLE_MODIFIERS: LazyLock<FastMap<bool>> = LazyLock::new(|| {
    entries(source("role_modifiers.txt"))
        .map(|l| match l.split_once(' ') {
            Some((w, tag)) => (w, tag.trim() == "rank"),
            None => (l, false),
        })
        .collect()
});
pub(crate) static PLACE_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("place_words.txt")));
pub(crate) static FUNCTION_WORDS: LazyLock<FastSet> = LazyLock::new(|| set(source("function_words.txt")));
/// Capitalised words that are not part of a person's name (parties,
/// peoples, faiths, common nouns of organisations).
pub(crate) static NOT_NAMES: LazyLock<FastSet> = LazyLock::new(|| set(source("not_names.txt")));
pub(crate) static WEEKDAYS: LazyLock<FastMap<u8>> = LazyLock::new(|| {
    pairs(source("weekdays.txt"))
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
pub(crate) static MONTHS: LazyLock<FastMap<u8>> = LazyLock::new(|| {
    pairs(source("months.txt"))
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
pub(crate) static NUMBER_WORDS: LazyLock<FastMap<u32>> = LazyLock::new(|| {
    pairs(source("number_words.txt"))
        .filter_map(|(k, v)| Some((k, v.parse().ok()?)))
        .collect()
});
/// Words a claim can start with: the number words and `claim_starts.txt`.
pub(crate) static CLAIM_STARTS: LazyLock<FastSet> = LazyLock::new(|| {
    entries(source("claim_starts.txt"))
        .chain(NUMBER_WORDS.keys().copied())
        .collect()
});

/// The attribution cue lexicon (`word count share` lines, mined), the hand
/// list of cues, and the cue tagger's model, whose `v word` lines are the
/// words it reads. `attributions` reads them from here, so the lexicon
/// can mark every possible cue word without importing attributions.
pub(crate) const ATTRIBUTION_CUES: &str = include_str!("../data/lexicon/attribution_cues.txt");
pub(crate) const ATTRIBUTION_CUES_HAND: &str = include_str!("../data/lexicon/attribution_cues_hand.txt");
/// Prepositional cues (`word preposition count share` lines, mined):
/// "talked about", "called on", "criticism of".
pub(crate) const ATTRIBUTION_TOPIC_CUES: &str = include_str!("../data/lexicon/attribution_topic_cues.txt");
pub(crate) const CUE_TAGGER_MODEL: &[u8] = include_bytes!("../data/models/cue_tagger.bin");

/// Where the cue tagger's model keeps its parts: its header is
/// `scripts/train_cue_tagger.py::write_binary`'s (magic, then the counts of
/// words and bands and the log2 of the slots, as little-endian `u32`s).
pub(crate) const CUE_TAGGER_HEADER: usize = 8 + 12;

/// A little-endian `u32` of the cue tagger's model at `at`.
pub(crate) fn cue_tagger_u32(at: usize) -> u32 {
    CUE_TAGGER_MODEL
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

/// The cue tagger's candidate words (the words that headed cues in
/// training), as the model lists them, and the offset after them.
pub(crate) fn cue_tagger_words() -> (Vec<&'static str>, usize) {
    let n = cue_tagger_u32(8) as usize;
    let mut at = CUE_TAGGER_HEADER;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        let len = usize::from(CUE_TAGGER_MODEL.get(at).copied().unwrap_or(0));
        let word = CUE_TAGGER_MODEL
            .get(at + 1..at + 1 + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("");
        words.push(word);
        at += 1 + len;
    }
    (words, at)
}

/// Every word the cue rules may read as a cue: the two cue lists, the
/// tagger's candidate words and the prepositional cues' words. Marked `class::CUE_FORM`, so the many
/// words that are none of these are turned away without a table lookup.
fn cue_forms() -> impl Iterator<Item = &'static str> {
    let listed = entries(ATTRIBUTION_CUES).filter_map(|l| l.split_whitespace().next());
    let tagged = cue_tagger_words().0.into_iter().filter(|w| !w.is_empty());
    let topic = entries(ATTRIBUTION_TOPIC_CUES).filter_map(|l| l.split_whitespace().next());
    listed.chain(entries(ATTRIBUTION_CUES_HAND)).chain(tagged).chain(topic)
}

/// Which word lists a word is on, as bits: every token of an article is
/// asked several of these questions (title? speech verb? month?), and one
/// lookup answers them all.
pub(crate) mod class {
    pub const SPEECH_VERB: u16 = 1;
    pub const CHARACTERISING_VERB: u16 = 1 << 1;
    pub const TITLE: u16 = 1 << 2;
    pub const HONORIFIC: u16 = 1 << 3;
    pub const ROLE_MODIFIER: u16 = 1 << 4;
    pub const FUNCTION_WORD: u16 = 1 << 5;
    pub const MONTH: u16 = 1 << 6;
    pub const WEEKDAY: u16 = 1 << 7;
    pub const ORG_WORD: u16 = 1 << 8;
    pub const PLACE_WORD: u16 = 1 << 9;
    pub const ABBREVIATION: u16 = 1 << 10;
    /// A word a claim can start with ([`CLAIM_STARTS`]).
    pub const CLAIM_START: u16 = 1 << 11;
    /// A speech verb only the mined list has (`mined_cue_verbs.txt`).
    pub const MINED_CUE: u16 = 1 << 12;
    /// A form the attribution-cue lexicon or the cue tagger knows
    /// ([`cue_forms`]).
    pub const CUE_FORM: u16 = 1 << 13;
}

/// Each word's `class` bits and the mention layer's word bits
/// (`mentions::word`), in one table: the tokenizer looks every word up
/// once and the token keeps both.
static CLASSES: LazyLock<FastMap<(u16, u8)>> = LazyLock::new(|| {
    let mut out: FastMap<(u16, u8)> = FastMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u16| {
        for w in words {
            out.upsert(w, (bit, 0), |old, new| old.0 |= new.0);
        }
    };
    add(&mut SPEECH_VERBS.iter().copied(), class::SPEECH_VERB);
    let hand = set(source("speech_verbs.txt"));
    add(
        &mut SPEECH_VERBS.iter().copied().filter(|w| !hand.contains(w)),
        class::MINED_CUE,
    );
    add(&mut CHARACTERISING_VERBS.iter().copied(), class::CHARACTERISING_VERB);
    add(&mut TITLES.iter().copied(), class::TITLE);
    add(&mut HONORIFICS.keys().copied(), class::HONORIFIC);
    add(&mut ROLE_MODIFIERS.keys().copied(), class::ROLE_MODIFIER);
    add(&mut FUNCTION_WORDS.iter().copied(), class::FUNCTION_WORD);
    add(&mut MONTHS.keys().copied(), class::MONTH);
    add(&mut WEEKDAYS.keys().copied(), class::WEEKDAY);
    add(&mut ORG_WORDS.iter().copied(), class::ORG_WORD);
    add(&mut PLACE_WORDS.iter().copied(), class::PLACE_WORD);
    add(&mut ABBREVIATIONS.iter().copied(), class::ABBREVIATION);
    add(&mut CLAIM_STARTS.keys().copied(), class::CLAIM_START);
    add(&mut cue_forms(), class::CUE_FORM);
    for &(w, bits) in crate::mentions::word_bits() {
        out.upsert(w, (0, bits), |old, new| old.1 |= new.1);
    }
    out
});

/// The word lists `word` (any case) is on; test with the `class` bits.
pub(crate) fn classes(word: &str) -> u16 {
    CLASSES.get(word).map_or(0, |c| c.0)
}

/// [`classes`] and the mention layer's word bits of `word` (any case).
pub(crate) fn classes_and_mention_bits(word: &str) -> (u16, u8) {
    CLASSES.get(word).copied().unwrap_or_default()
}

/// [`classes_and_mention_bits`] of a word of ASCII letters and digits.
pub(crate) fn classes_of_ascii(word: &str) -> (u16, u8) {
    CLASSES.get_ascii(word.as_bytes()).copied().unwrap_or_default()
}

/// Is `word` (any case) a speech verb?
pub(crate) fn is_speech_verb(word: &str) -> bool {
    classes(word) & class::SPEECH_VERB != 0
}

/// Month number of a month name or AP abbreviation ("Sept." → 9).
pub(crate) fn month(word: &str) -> Option<u8> {
    MONTHS.get(word).copied()
}

/// Weekday number (Monday = 1) of a weekday name or abbreviation.
pub(crate) fn weekday(word: &str) -> Option<u8> {
    WEEKDAYS.get(word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_str_to_lowercase() {
        for w in [
            "O’Brien",
            "“Border",
            "ÉLOÏSE",
            "İstanbul",
            "ǄEMAL",
            "ΟΔΟΣ",
            "ΣΟΦΟΣ’",
            "naïve",
            "—",
            "said",
            "SAID",
        ] {
            assert_eq!(lowercase(w).as_str(), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lowercase("o’brien”"), Lower::Same(_)));
    }

    #[test]
    fn lexicon_files_are_sorted_without_duplicates() {
        for (name, src) in SOURCES {
            let keys: Vec<String> = entries(src).map(|l| l.split(' ').next().unwrap().to_string()).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(keys, sorted, "{name} must be sorted and free of duplicates");
        }
    }

    #[test]
    fn speech_and_characterising_verbs_do_not_overlap() {
        // The cue grammar looks a word up in the second list only when the
        // first misses.
        assert!(SPEECH_VERBS.iter().all(|w| !CHARACTERISING_VERBS.contains(w)));
    }

    #[test]
    fn word_tables_ignore_case_without_lowercasing_first() {
        let t: WordTable<u8> = [("said", 1), ("o’brien", 2), ("a-very-long-hyphenated-word", 3)]
            .into_iter()
            .collect();
        for (w, v) in [
            ("said", 1),
            ("Said", 1),
            ("SAID", 1),
            ("O’Brien", 2),
            ("A-Very-Long-Hyphenated-Word", 3),
        ] {
            assert_eq!(t.get(w), Some(&v), "{w}");
        }
        for w in ["sai", "saidx", "", "brien", "a-very-long-hyphenated-wor"] {
            assert_eq!(t.get(w), None, "{w}");
        }
        assert!(TITLES.contains("Mayor") && FUNCTION_WORDS.contains("The"));
        assert_eq!(classes("SAID") & class::SPEECH_VERB, class::SPEECH_VERB);
        // Every key of every list is found with its own classes, in upper
        // case too (a short key is settled by its slot alone).
        for w in CLASSES.keys() {
            assert_ne!(classes_and_mention_bits(w), (0, 0), "{w}");
            let upper = w.to_ascii_uppercase();
            assert_eq!(classes_and_mention_bits(&upper), classes_and_mention_bits(w), "{w}");
        }
    }

    #[test]
    fn possessive_ends_go_as_trimming_them_would() {
        for w in [
            "Tuesday’s",
            "Tuesday's",
            "Tuesday’s's",
            "Tuesday's’s",
            "’s",
            "s",
            "Jones’",
            "",
            "’s’s",
        ] {
            assert_eq!(
                without_possessive_ends(w),
                w.trim_end_matches("’s").trim_end_matches("'s"),
                "{w}"
            );
        }
    }

    #[test]
    fn lower_case_prefixes_and_suffixes_as_lower_casing_would_find_them() {
        let texts = [
            "The Vote of",
            "VOTES CAST today",
            "İstanbul vote of",
            "vote of İ",
            "ΣΑΣ vote",
            "",
            "K",
        ];
        for s in texts {
            for p in ["vote of", "votes cast", "the", "", "k", "i̇stanbul"] {
                if p.is_ascii() {
                    assert_eq!(lower_starts_with(s, p), s.to_lowercase().starts_with(p), "{s} / {p}");
                    assert_eq!(lower_ends_with(s, p), s.to_lowercase().ends_with(p), "{s} / {p}");
                }
            }
        }
        // The Kelvin sign lower-cases to an ASCII "k": read through the copy.
        assert!(lower_ends_with("\u{212A}", "k") && lower_starts_with("\u{212A}", "k"));
    }

    #[test]
    fn folded_keys_ignore_case_and_the_kind_of_apostrophe() {
        for (a, b) in [
            ("O’Brien", "o'brien"),
            ("SAID", "said"),
            ("ÉLOÏSE", "éloïse"),
            ("Ab’c-Defghijk", "AB'C-DEFGHIJK"),
        ] {
            assert_eq!(folded_key(a), folded_key(b), "{a} = {b}");
        }
        for (a, b) in [
            ("Brien", "Bryen"),
            ("said", "saids"),
            ("éloïse", "eloise"),
            ("ab", "a b"),
        ] {
            assert_ne!(folded_key(a), folded_key(b), "{a} ≠ {b}");
        }
    }

    #[test]
    fn short_words_are_read_as_the_bytes_they_are() {
        let word = b"abcdefg";
        for n in 0..8 {
            let bytewise = word[..n].iter().rev().fold(0u64, |x, &b| (x << 8) | u64::from(b));
            assert_eq!(little_endian(&word[..n]), bytewise, "{n}");
        }
    }

    #[test]
    fn months_include_ap_abbreviations() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("March"), Some(3));
        assert_eq!(month("Smith"), None);
    }
}
