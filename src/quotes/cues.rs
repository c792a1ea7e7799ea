//! The attribution grammar: speech cues around a quotation and the subject
//! phrase each one hangs on. Before the quote (`Smith said: “…”`), after it
//! (`“…,” Homan said.` / `“…,” said Smith, the sheriff.`), dash credits,
//! "according to", appositives, coordinated and participle clauses.

use crate::lexicon::{FUNCTION_WORDS, class, is_speech_verb};
use crate::span::Span;
use crate::token::Token;

/// Words that may stand between a subject and its speech verb.
const BRIDGE_WORDS: &[&str] = &[
    "also",
    "later",
    "has",
    "had",
    "have",
    "previously",
    "once",
    "then",
    "again",
    "would",
    "will",
    "recently",
    "earlier",
    "simply",
    "repeatedly",
    "publicly",
    "flatly",
    "quickly",
    "further",
    "separately",
    "often",
    "has",
    "said",
    "is",
    "was",
    "were",
    "are",
    "been",
    "privately",
    "initially",
    "first",
    "reportedly",
    "quietly",
    "even",
    "still",
    "never",
    "always",
    "frequently",
    "sometimes",
    "usually",
    "routinely",
    "just",
];
/// A word that opens a described speaker: "the agency", "my father",
/// "one questioner", "several groups".
fn is_determiner(t: &Token) -> bool {
    t.is_one_of(&[
        "the", "a", "an", "my", "his", "her", "their", "our", "its", "your", "one", "another", "some", "several",
        "this", "these", "those", "many", "each", "every", "both", "other",
    ])
}

/// "openly", "repeatedly": a manner adverb, not a noun that ends in -ly.
fn is_ly_adverb(t: &Token) -> bool {
    const NOUNS: &[&str] = &[
        "family", "ally", "rally", "supply", "assembly", "anomaly", "reply", "bully", "daily", "weekly",
    ];
    if !t.is_word() || t.is_capitalized() {
        return false;
    }
    // An ASCII word lower-cases to its own length: most are turned away
    // by their length or ending before any copy is made.
    let b = t.text.as_bytes();
    if b.is_ascii() && (b.len() < 5 || !b[b.len() - 2..].eq_ignore_ascii_case(b"ly")) {
        return false;
    }
    let l = t.lower();
    l.len() >= 5 && l.ends_with("ly") && !NOUNS.contains(&l.as_ref())
}

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];
fn is_role_word(t: &Token) -> bool {
    t.has(class::TITLE | class::ROLE_MODIFIER | class::ORG_WORD)
}

pub(crate) struct Cue {
    pub subject: Span,
    pub verb: String,
    pub rule: &'static str,
}

/// Is there a speech verb at `toks[i]`? Returns how many tokens it takes.
fn is_verb_at(toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    // A mined verb capitalised opens a sentence or a headline ("Worried
    // Voters …"), where it is rarely the cue.
    if t.has(class::SPEECH_VERB) && !(t.is_capitalized() && t.has(class::MINED_CUE)) {
        return Some(1);
    }
    let next = toks.get(i + 1);
    if t.is("according") && next.is_some_and(|n| n.is("to")) {
        return Some(2);
    }
    // "as he put it"
    if t.is("put") && next.is_some_and(|n| n.is("it")) {
        return Some(2);
    }
    None
}

/// Words that head a time phrase, never a speaker ("last week said", "hours
/// later told").
const TIME_HEADS: &[&str] = &[
    "afternoon",
    "day",
    "days",
    "evening",
    "hour",
    "hours",
    "minutes",
    "month",
    "months",
    "morning",
    "night",
    "time",
    "tonight",
    "week",
    "weekend",
    "weeks",
    "year",
    "years",
];

/// Can the phrase at `subject` be someone who speaks? Rejects the junk a
/// cue's subject search can land on: a bare determiner or function word, a
/// contraction ("That’s"), a phrase ending in a verb or preposition ("the
/// person would", "the issue of"), a time phrase, a number, an adverb.
pub(crate) fn plausible_subject(toks: &[Token], subject: Span) -> bool {
    let mut words = toks.iter().filter(|t| t.is_word() && subject.contains(t.span()));
    let Some(first) = words.next() else { return false };
    let head = words.next_back().unwrap_or(first);
    if is_pronoun(head) {
        return true;
    }
    // "Here’s Clinton": a clause opener, not a name.
    if first.stem().len() < first.text.len()
        && FUNCTION_WORDS.contains(crate::lexicon::lowercase(first.stem()).as_ref())
    {
        return false;
    }
    // "WASHINGTON —": a dateline, not a speaker.
    let dateline = head.text.len() >= 3
        && !head.text.chars().any(char::is_lowercase)
        && toks
            .iter()
            .find(|t| t.span().start >= subject.end)
            .is_some_and(|t| DASHES.contains(&t.text) || t.text == "(");
    if dateline {
        return false;
    }
    let lower = crate::lexicon::lowercase(head.stem());
    let stem: &str = lower.as_ref();
    if head.stem().len() < head.text.len() && FUNCTION_WORDS.contains(stem) {
        return false; // "That’s", "What’s"
    }
    let contraction = ["’d", "'d", "’ll", "'ll", "’re", "'re", "’m", "'m"]
        .iter()
        .any(|c| head.text.ends_with(c));
    let verb_ending = !head.is_capitalized() && (stem.ends_with("ed") || head.has(class::SPEECH_VERB));
    !(contraction
        || verb_ending
        || head.has(class::FUNCTION_WORD)
        || TIME_HEADS.contains(&stem)
        || matches!(
            stem,
            "is" | "was" | "are" | "were" | "be" | "been" | "has" | "had" | "have" | "will" | "would"
        )
        || head.is_date_word()
        || (head.text.starts_with(|c: char| c.is_ascii_digit()) && !head.text.ends_with("-old"))
        || is_ly_adverb(head))
}

fn span_of(toks: &[Token]) -> Option<Span> {
    Some(Span::new(toks.first()?.span().start, toks.last()?.span().end))
}

pub(crate) fn is_pronoun(t: &Token) -> bool {
    // "He’s claiming": the contraction is the pronoun.
    // Compared in place: only an ASCII word lower-cases to an ASCII
    // pronoun, so ignoring ASCII case is the same as lower-casing.
    t.is_word() && {
        let s = t.stem();
        PRONOUNS.iter().any(|p| p.len() == s.len() && p.eq_ignore_ascii_case(s))
    }
}

/// A capitalised run ending at `e` (exclusive), read backwards.
fn name_back(toks: &[Token], e: usize) -> usize {
    let mut s = e;
    while s > 0 {
        let t = &toks[s - 1];
        // Connectors and lowercase role words inside a title: "ICE
        // Enforcement and Removal Operations Boston acting Field Office
        // Director Patricia H. Hyde", "Ridgeway head coach Darnell Price".
        let connector = (t.is_one_of(&["and", "of", "for", "de", "van", "von", "del", "da"]) || is_role_word(t))
            && s >= 2
            && (toks[s - 2].is_capitalized() || is_role_word(&toks[s - 2]))
            && s < e;
        let sentence_initial_fw = s - 1 == 0 && t.has(class::FUNCTION_WORD);
        if (t.is_capitalized() && !sentence_initial_fw && !t.has(class::SPEECH_VERB) && !t.is_date_word()) || connector
        {
            s -= 1;
        } else {
            break;
        }
    }
    s
}

/// The clause subject at the start of `toks` (for "…, saying …" and
/// coordinated verbs): the first pronoun or name.
pub(crate) fn clause_subject(toks: &[Token], upto: usize) -> Option<Span> {
    // Skip an introductory phrase: "In August, …", "On Wednesday, …".
    // The introductory phrase ends at its last comma within eight words.
    let intro = toks
        .first()
        .is_some_and(|t| t.has(class::FUNCTION_WORD) && !is_pronoun(t));
    let mut i = match toks[..upto.min(9)].iter().rposition(|t| t.is(",")) {
        Some(c) if intro => c + 1,
        _ => 0,
    };

    // A described subject: "The Republican nominee also outlined … and
    // vowed": the determiner's noun phrase, up to the verb.
    if toks.get(i).is_some_and(|t| t.is_one_of(&["the", "a", "an"])) {
        let mut e = i + 1;
        while e < upto
            && e - i < 6
            && toks[e].is_word()
            && (!toks[e].text.ends_with("ed") || toks[e].is_capitalized())
            && !BRIDGE_WORDS.contains(&toks[e].lower().as_ref())
            && !toks[e].has(class::SPEECH_VERB)
        {
            e += 1;
        }
        let head = &toks[e - 1];
        if e > i + 1 && !head.is_capitalized() && head.has(class::TITLE | class::ORG_WORD) {
            return span_of(&toks[i..e]);
        }
        // "The billionaire businessman began by …": a noun phrase right
        // before an irregular past is the subject, whatever its head.
        let k = (i + 1..upto.min(i + 5)).find(|&k| crate::lexicon::IRREGULAR_PAST.contains(toks[k].text));
        if let Some(k) = k.filter(|&k| {
            toks[i + 1..k]
                .iter()
                .all(|t| t.is_word() && !t.has(class::FUNCTION_WORD))
        }) {
            return span_of(&toks[i..k]);
        }
    }
    // A description subject: "several environmental groups granted …".
    if toks
        .get(i)
        .is_some_and(|t| t.is_word() && !t.is_capitalized() && !is_pronoun(t))
    {
        let mut e = i;
        while e < upto && e - i < 5 && toks[e].is_word() && !toks[e].is_capitalized() && !toks[e].text.ends_with("ed") {
            e += 1;
        }
        if e > i && e < upto && toks[e - 1].text.ends_with('s') {
            return span_of(&toks[i..e]);
        }
    }
    while i < upto {
        let t = &toks[i];
        if is_pronoun(t) {
            return Some(t.span());
        }
        if t.is_capitalized() && !t.has(class::FUNCTION_WORD) && !t.is_date_word() {
            if i == 0 {
                if let Some(d) = sentence_case_description(toks, upto) {
                    return Some(d);
                }
            }
            // The whole noun phrase: "Hillary Clinton’s campaign manager Robby Mook".
            let mut e = i + 1;
            while e < upto
                && (toks[e].is_capitalized()
                    || (is_role_word(&toks[e]) && (toks[e - 1].is_possessive() || is_role_word(&toks[e - 1])))
                    || (toks[e].is("of") && toks.get(e + 1).is_some_and(|n| n.is_capitalized())))
            {
                e += 1;
            }
            // A name followed by a verb-like word is the subject.
            return span_of(&toks[i..e]);
        }
        if t.is(",") {
            // an introductory phrase ("In a statement,") ends here
        }
        i += 1;
    }
    None
}

/// A description that opens the sentence, its first word capitalised only
/// because it opens it: "Small groups of protesters marched …, chanting".
/// The phrase runs over lowercase words and one "of" phrase, up to the verb.
fn sentence_case_description(toks: &[Token], upto: usize) -> Option<Span> {
    let plain = |t: &Token| {
        t.is_word()
            && !t.is_capitalized()
            && !t.has(class::FUNCTION_WORD | class::SPEECH_VERB)
            && !t.text.ends_with("ed")
            && !BRIDGE_WORDS.contains(&t.lower().as_ref())
    };
    if !toks.get(1).is_some_and(plain) {
        return None;
    }
    let mut e = 2;
    while e < upto && e < 6 && plain(&toks[e]) {
        e += 1;
    }
    if e + 1 < upto && toks[e].is("of") && plain(&toks[e + 1]) {
        e += 2;
    }
    // Only a plural head reads as a described group ("Many voters").
    toks[e - 1].text.ends_with('s').then(|| span_of(&toks[..e])).flatten()
}

/// The subject phrase that ends right before `toks[end]`, read backwards:
/// a pronoun, a name with its titles, or a short description. Asides
/// (dashes, appositives, a parenthesis) are read past; a verb that hangs
/// on another clause (a participle, an infinitive, a coordinated verb, a
/// relative clause) takes that clause's subject.
pub(crate) fn subject_before(toks: &[Token], end: usize) -> Option<Span> {
    let mut e = end;
    while e > 0 && toks[e - 1].is_word() && BRIDGE_WORDS.contains(&toks[e - 1].lower().as_ref()) {
        e -= 1;
    }
    if let Some((joined, at)) = without_dashed_aside(toks, e, end) {
        return subject_before(&joined, at);
    }
    // An adverb in -ly right after the subject: "Trump openly admires".
    if e >= 2 && is_ly_adverb(&toks[e - 1]) && (toks[e - 2].is_capitalized() || is_pronoun(&toks[e - 2])) {
        e -= 1;
    }
    if let Some(found) = other_clause_subject(toks, e, end) {
        return found;
    }
    if e > 0 && toks[e - 1].is(",") {
        match appositive_chain(toks, e, end) {
            Chain::Found(found) => return found,
            Chain::Before(right) => e = right,
        }
    }
    phrase_ending_at(toks, e)
}

/// "John Dickey, the chief executive of Ora Media -- the company that
/// owns it -- told me": a dashed aside closing before `e` is read like an
/// appositive between commas. The tokens with the aside replaced by a
/// comma, and where the verb (`toks[end]`) now stands.
fn without_dashed_aside<'a>(toks: &[Token<'a>], e: usize, end: usize) -> Option<(Vec<Token<'a>>, usize)> {
    let dash = |t: &Token| DASHES.contains(&t.text);
    if e == 0 || !dash(&toks[e - 1]) {
        return None;
    }
    let mut close = e - 1;
    while close > 0 && dash(&toks[close - 1]) {
        close -= 1;
    }
    let mut open = toks[..close].iter().rposition(dash)?;
    while open > 0 && dash(&toks[open - 1]) {
        open -= 1;
    }
    let mut joined: Vec<Token> = toks[..open].to_vec();
    joined.push(Token::mark(toks[open].span(), ","));
    let at = joined.len();
    joined.extend_from_slice(&toks[end..]);
    Some((joined, at))
}

/// A verb at `toks[end]` that speaks for another clause's subject: an
/// infinitive after the main verb, a relative clause's antecedent, a
/// participle, a coordinated verb. `None` when the verb has a subject of
/// its own before `e`; `Some` of the answer otherwise.
fn other_clause_subject(toks: &[Token], e: usize, end: usize) -> Option<Option<Span>> {
    // An infinitive after the main verb speaks for the clause subject:
    // "Trump took to Twitter to accuse the campaign of being “duped”".
    if e > 1 && e == end && toks[e - 1].is("to") && toks[..e - 1].iter().any(|t| t.is_word() && !t.is_capitalized()) {
        return Some(clause_subject(toks, e - 1));
    }
    // A relative clause: "McConnell, now the majority leader, who in 2010
    // said …" — the antecedent before ", who" speaks.
    if let Some(k) = (end.saturating_sub(5)..end).rev().find(|&k| toks[k].is("who")) {
        if k > 0 && toks[k - 1].is(",") && k < end {
            return Some(subject_before(toks, k));
        }
    }
    // A participle ("…, saying", "… early Friday saying") speaks for the
    // clause subject.
    // "is calling" is a progressive with its own subject, not a participle.
    let progressive = (e..end).any(|k| toks[k].is_one_of(&["is", "was", "are", "were", "been"]));
    if toks.get(end).is_some_and(|v| v.text.ends_with("ing")) && !progressive && !(e > 0 && is_pronoun(&toks[e - 1])) {
        // The comma before the participle closes the main clause, not an
        // introductory phrase ("Then he cut into Bush, calling him …").
        let mut upto = end;
        while upto > 0 && toks[upto - 1].is(",") {
            upto -= 1;
        }
        return Some(clause_subject(toks, upto));
    }
    if e > 0 && (toks[e - 1].is("and") || toks[e - 1].is("but")) {
        // Coordinated verbs: "he congratulated Castellanos and said …".
        return Some(clause_subject(toks, e - 1));
    }
    None
}

/// What walking back over an appositive chain found.
enum Chain {
    /// The answer (a name in the chain, a clause subject, or none).
    Found(Option<Span>),
    /// The subject phrase ends before this token.
    Before(usize),
}

/// Appositives between subject and verb, the comma at `toks[e - 1]`:
/// "Hill, a doctor at X, said"; "Mulgrew, president of the union, which
/// represents teachers, said"; or a name in apposition to a role:
/// "Vollmer’s spokesman, Daniel Imhoff, said". Walks back over
/// comma-delimited segments.
fn appositive_chain(toks: &[Token], e: usize, end: usize) -> Chain {
    let mut right = e - 1;
    let mut hops = 0;
    loop {
        let left = toks[..right].iter().rposition(|t| t.is(","));
        let seg = &toks[left.map_or(0, |l| l + 1)..right];
        let Some(first) = seg.first() else {
            return Chain::Found(None);
        };
        // A place ("Ashton", "Md.") in the chain is an appositive too.
        let place = seg.iter().all(|t| {
            crate::lexicon::PLACE_WORDS.contains(t.stem().trim_end_matches('.'))
                || (t.text.ends_with('.') && t.text.len() <= 6)
        }) || seg.first().is_some_and(|t| t.is("of") || t.is("from"));
        let name_like = !place && seg.iter().all(|t| t.is_capitalized() || t.text.ends_with('.')) && seg.len() <= 4;
        // Anything that is not a bare name is an appositive:
        // "a doctor at X", "59", "Pyongyang's only ally and …".
        let appositive = place
            || !first.is_capitalized()
            || first.text.starts_with(|c: char| c.is_ascii_digit())
            || (!name_like && seg.iter().any(|t| t.is_word() && !t.is_capitalized()));
        if name_like && (hops > 0 || left.is_some()) {
            // After an appositive, or "Vollmer’s spokesman, Daniel Imhoff,
            // said": the name is in apposition to the role before it.
            return Chain::Found(span_of(seg));
        }
        let participle = || toks.get(end).map(|verb| verb.text.ends_with("ing"));
        if appositive && hops < 6 && seg.len() <= 24 {
            match left {
                Some(l) => {
                    right = l;
                    hops += 1;
                    continue;
                }
                None => {
                    // ", saying …" after a main clause: its subject speaks.
                    let Some(ing) = participle() else {
                        return Chain::Found(None);
                    };
                    if ing {
                        return Chain::Found(clause_subject(toks, e - 1));
                    }
                    // "Officials at X, a division of Y, said": the
                    // sentence opens with the subject phrase itself.
                    return Chain::Found(if hops > 0 { subject_before(toks, right) } else { None });
                }
            }
        }
        if hops == 0 {
            match participle() {
                None => return Chain::Found(None),
                Some(true) => return Chain::Found(clause_subject(toks, e - 1)),
                Some(false) => {}
            }
        }
        return Chain::Before(right);
    }
}

/// The phrase that ends at `toks[e - 1]`: a pronoun, a name (the person
/// before an affiliation), or a description; a parenthesis is skipped.
fn phrase_ending_at(toks: &[Token], e: usize) -> Option<Span> {
    let last = toks[..e].last()?;
    if !last.is_word() {
        // "Sen. Claire McCaskill (D-Mo.) said": skip a parenthesis.
        if last.is(")") {
            let open = toks[..e].iter().rposition(|t| t.is("("))?;
            return subject_before(toks, open);
        }
        return None;
    }
    if is_pronoun(last) {
        return Some(last.span());
    }
    if last.is_capitalized() || last.text.ends_with('.') {
        return name_ending_at(toks, e);
    }
    description_ending_at(toks, e)
}

/// A name with its titles ending at `toks[e - 1]`; in "Mr. Morgan of the
/// Sierra Club said" the person before the affiliation, not the
/// organisation.
fn name_ending_at(toks: &[Token], e: usize) -> Option<Span> {
    let s = name_back(toks, e);
    if s == e {
        return None;
    }
    let mut a = s;
    if a > 0 && toks[a - 1].is("the") {
        a -= 1;
    }
    if a >= 2 && toks[a - 1].is_one_of(&["of", "from", "at"]) && toks[a - 2].is_capitalized() {
        let p = name_back(toks, a - 1);
        // "Officials at …" opening a sentence is a description, not a name.
        if p < a - 1 && (a - 1 - p >= 2 || p > 0) {
            return span_of(&toks[p..a - 1]);
        }
    }
    span_of(&toks[s..e])
}

/// A description ending at `toks[e - 1]`: "the agency", "a spokeswoman
/// for the office", "officials".
fn description_ending_at(toks: &[Token], e: usize) -> Option<Span> {
    let mut k = e;
    while k > 0 && e - k < 12 {
        let t = &toks[k - 1];
        if !t.is_word() {
            break;
        }
        k -= 1;
        if t.is_possessive() {
            // "the ad’s narrator": the determiner belongs to the possessor.
            if k > 0 && toks[k - 1].is_one_of(&["the", "a", "an"]) {
                k -= 1;
            }
            break;
        }
        if is_determiner(t) {
            break;
        }
    }
    let head = toks[e - 1].lower();
    if k == e || FUNCTION_WORDS.contains(head.as_ref()) || is_speech_verb(&head) {
        return None;
    }
    // Without a determiner only a plural noun works ("officials said").
    let determined = is_determiner(&toks[k]) || toks[k].is_possessive();
    if !determined {
        if !head.ends_with('s') || head.ends_with("ss") {
            return None;
        }
        k = e - 1;
        while k > 0
            && e - k < 3
            && toks[k - 1].is_word()
            && !toks[k - 1].has(class::FUNCTION_WORD)
            && !toks[k - 1].text.ends_with("ed")
        {
            k -= 1;
        }
    }
    span_of(&toks[k..e])
}

/// The subject phrase right after an inverted verb ("said Ruth Enders,
/// 71", "said assistant coach Darnell Price", "according to department
/// spokesperson Nia Redmond").
pub(crate) fn subject_after(toks: &[Token], start: usize) -> Option<Span> {
    let first = toks.get(start)?;
    if is_pronoun(first) {
        // "said he." is inverted; "said he would" is reported speech.
        let next = toks.get(start + 1);
        return next.is_none_or(|n| !n.is_word()).then_some(first.span());
    }
    let mut s = start;
    // Role words before the name.
    while s < toks.len()
        && s - start < 5
        && (is_role_word(&toks[s])
            || (toks[s].is_word() && !toks[s].is_capitalized() && toks.get(s + 1).is_some_and(is_role_word)))
        && !toks[s].is_capitalized()
    {
        s += 1;
    }
    // Other descriptors before a name: "said conservative activist Bob
    // Klaus", "said screenwriter Cole Haddon".
    if s == start {
        if let Some(k) = past_descriptors(toks, start) {
            s = k;
        }
    }
    if s == start {
        s = past_capitalised_modifier(toks, start);
    }
    let mut e = s;
    if toks.get(s).is_some_and(|t| t.is_capitalized()) {
        while e < toks.len() {
            let t = &toks[e];
            // Connectors and role words inside the phrase: "ICE spokesman
            // James Covey", "Secretary of State John Kerry".
            let mut k = e;
            while k < toks.len()
                && k - e < 3
                && (is_role_word(&toks[k]) || toks[k].is_one_of(&["and", "of", "de", "van"]))
                && !toks[k].is_capitalized()
            {
                k += 1;
            }
            let connector = k > e && toks.get(k).is_some_and(|n| n.is_capitalized());
            // "Donald Hartley of Madison": a person's name (two capitalised
            // words, no title or organisation word) ends before "of Place".
            let persons_name = e - s >= 2 && toks[s..e].iter().all(|t| t.is_capitalized() && !is_role_word(t));
            if connector && toks[e].is("of") && persons_name {
                break;
            }
            if connector {
                e = k;
                continue;
            }
            if t.is_capitalized() {
                e += 1;
            } else {
                break;
            }
        }
        return (e > s).then(|| span_of(&toks[s..e])).flatten();
    }
    // "said one former executive who …", "said another aide".
    if first.is_one_of(&["the", "a", "an", "one", "another", "this", "several"]) || first.is_possessive() {
        e = start + 1;
        // A short noun phrase, ending before anything verb-like.
        while e < toks.len()
            && e - start < 5
            && toks[e].is_word()
            && !toks[e].has(class::SPEECH_VERB)
            && !toks[e].text.ends_with("ed")
        {
            if toks[e].is_one_of(&["in", "on", "at", "that", "who", "to", "during", "and"]) {
                break;
            }
            e += 1;
        }
        // "said one Democrat familiar with the discussion": the window may
        // stop inside a tail; the phrase does not end on a function word.
        while e > start + 1
            && (toks[e - 1].has(class::FUNCTION_WORD) || toks[e - 1].is_one_of(&["with", "for", "of", "from", "by"]))
        {
            e -= 1;
        }
        return (e > start).then(|| span_of(&toks[start..e])).flatten();
    }
    // A bare plural description: "according to court records".
    let mut e = start;
    while e < toks.len()
        && e - start < 4
        && toks[e].is_word()
        && !toks[e].is_capitalized()
        && !toks[e].has(class::FUNCTION_WORD)
    {
        e += 1;
    }
    if e > start && toks[e - 1].text.ends_with('s') && toks.get(e).is_none_or(|t| !t.is_word()) {
        return span_of(&toks[start..e]);
    }
    None
}

/// "said Republican party boss Reince Priebus", "said Texas delegate Bill
/// Eastland": one or two capitalised modifiers (a party, a place), then
/// lowercase descriptors, then a name of two capitalised words. Returns
/// where the name starts, or `start` when the words are not so shaped.
fn past_capitalised_modifier(toks: &[Token], start: usize) -> usize {
    let caps = toks[start..]
        .iter()
        .take(3)
        .take_while(|t| t.is_word() && t.is_capitalized() && !t.has(class::FUNCTION_WORD))
        .count();
    if !(1..=2).contains(&caps) {
        return start;
    }
    past_descriptors(toks, start + caps).unwrap_or(start)
}

/// One to three lowercase descriptors from `from` ("activist", "party
/// boss"), then a name of two capitalised words: where the name starts.
fn past_descriptors(toks: &[Token], from: usize) -> Option<usize> {
    let mut k = from;
    while k < toks.len()
        && k - from < 3
        && toks[k].is_word()
        && !toks[k].is_capitalized()
        && !toks[k].has(class::FUNCTION_WORD | class::SPEECH_VERB)
        && !toks[k].text.ends_with("ed")
        && !is_ly_adverb(&toks[k])
    {
        k += 1;
    }
    let named = toks.get(k).is_some_and(|t| t.is_capitalized() && !t.is_date_word())
        && toks.get(k + 1).is_some_and(|t| t.is_capitalized());
    (k > from && named).then_some(k)
}

/// Removes parenthesised asides ("(D-Mo.)") so cues read past them.
pub(crate) fn without_parens<'a>(toks: &[Token<'a>]) -> Vec<Token<'a>> {
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        match t.text {
            "(" => depth += 1,
            ")" if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(*t),
            _ => {}
        }
    }
    out
}

const DASHES: &[&str] = &["-", "—", "–", "―"];

/// The most tokens a cue is looked for in, on either side of a quotation.
const CUE_SCAN: usize = 200;

/// A cue after the closing mark: `…,” Homan said.` / `…,” said Smith.` /
/// `…,” Leonard Burman, director of …, said.`
pub(crate) fn cue_after(toks: &[Token], window: usize) -> Option<Cue> {
    // The cue is read from at most 45 words after leading marks: a bounded
    // prefix keeps callers that try every comma of a long run linear.
    let toks = without_parens(&toks[..toks.len().min(CUE_SCAN)]);
    let mut i = 0;
    while i < toks.len() && !toks[i].is_word() {
        if DASHES.contains(&toks[i].text) {
            // A dash credit: `"…" -Commissioner Jane Doe`; a lowercase
            // aside after a dash ("― a metaphor for …") is not a credit.
            let credited = toks.get(i + 1).is_some_and(|t| t.is_capitalized() || is_role_word(t));
            if let Some(s) = subject_after(&toks, i + 1).filter(|_| credited) {
                return Some(Cue {
                    subject: s,
                    verb: toks[i].text.to_string(),
                    rule: "dash-credit",
                });
            }
        }
        if matches!(toks[i].text, "." | "?" | "!" | "“" | "\"") {
            return None;
        }
        i += 1;
    }
    let words = &toks[i..];
    // A name and its appositive may push the verb far out:
    // `Burman, director of the centre and a professor at …, said`.
    let name_then_comma = words.first().is_some_and(|t| t.is_capitalized())
        && words
            .iter()
            .take(6)
            .position(|t| t.is(","))
            .is_some_and(|c| words[..c].iter().all(|t| t.is_capitalized() || t.text.ends_with('.')));
    // "…,” as a Homeland Security memo put it.
    let as_clause = words.first().is_some_and(|t| t.is("as"));
    let limit = if name_then_comma {
        words.len().min(45)
    } else if as_clause {
        words.len().min(12)
    } else {
        words.len().min(window)
    };
    // What ends the clause before a verb: a sentence end ("." before a
    // comma is an abbreviation: "McConnell, R-Ky., said"), or a quotation
    // mark, except quoted words inside a name's appositive ("Bill
    // Eastland, wearing “Ted Cruz” pins, said").
    let ends_clause = |k: usize| {
        let t = &words[k];
        match t.text {
            "." => !words.get(k + 1).is_some_and(|n| n.is(",")),
            "“" | "”" | "\"" => !name_then_comma,
            ";" | "?" | "!" => true,
            _ => false,
        }
    };
    let v = (0..limit).find(|&k| is_verb_at(words, k).is_some() && !(0..k).any(ends_clause))?;
    let n = is_verb_at(words, v)?;
    let verb = words[v..v + n].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    if v == 0 || words[v].is("according") {
        let subject = subject_after(words, v + n).filter(|s| plausible_subject(words, *s))?;
        let rule = if n == 2 { "according-to" } else { "verb-before-speaker" };
        return Some(Cue { subject, verb, rule });
    }
    let subject = if name_then_comma && v > 6 {
        let c = words.iter().position(|t| t.is(","))?;
        span_of(&words[..c])?
    } else {
        subject_before(words, v)?
    };
    // The subject must start the clause: only punctuation or role words
    // ("Ridgeway head coach") before it, or a comma.
    let first_word = words.iter().position(|t| t.span().start >= subject.start)?;
    let gap_ok = words[..first_word]
        .iter()
        .all(|t| !t.is_word() || t.is_capitalized() || is_role_word(t) || t.is("the"))
        || (first_word > 0 && words[first_word - 1].is(","))
        // "panel Chairman Rep. Jason Chaffetz said": a lowercase modifier
        // of the title the name carries.
        || (first_word <= 2 && words[first_word..].first().is_some_and(is_role_word))
        || as_clause
        || descriptor_gap(&words[..first_word], &words[first_word]);
    (gap_ok && plausible_subject(words, subject)).then_some(Cue {
        subject,
        verb,
        rule: "speaker-verb-after-quote",
    })
}

/// Lowercase descriptors before a name that open the clause after a quote:
/// `“…,” pediatrician Lena Ruiz says`, `“…,” a smiling Alvarez said`. The
/// words are modifiers of the name, not a clause of their own: no verb, no
/// function word other than an article.
fn descriptor_gap(gap: &[Token], name: &Token) -> bool {
    let words: Vec<&Token> = gap.iter().filter(|t| t.is_word()).collect();
    name.is_capitalized()
        && (1..=3).contains(&words.len())
        && words.iter().enumerate().all(|(k, t)| {
            let article = k == 0 && t.is_one_of(&["a", "an", "the"]);
            article
                || (!t.is_capitalized()
                    && !t.has(class::FUNCTION_WORD | class::SPEECH_VERB)
                    && !t.text.ends_with("ed")
                    && !is_ly_adverb(t))
        })
}

/// A cue before the opening mark: `Smith said: “…”`, `the alliance said
/// demand had “far outstripped …”`.
pub(crate) fn cue_before(toks: &[Token]) -> Option<Cue> {
    let toks = without_parens(&toks[toks.len().saturating_sub(CUE_SCAN)..]);
    // The nearest speech verb with a subject wins; a verb without one
    // ("…, including") gives way to an earlier one.
    for v in (0..toks.len()).rev() {
        // The two word lists share no word: look the second up only when
        // the first misses.
        let speech = is_verb_at(&toks, v);
        let characterising = speech.is_none() && toks[v].is_word() && toks[v].has(class::CHARACTERISING_VERB);
        let Some(n) = speech.or(characterising.then_some(1)) else {
            continue;
        };
        let verb = toks[v..v + n].iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        if toks[v].is("according") {
            if let Some(subject) = subject_after(&toks, v + 2).filter(|s| plausible_subject(&toks, *s)) {
                return Some(Cue {
                    subject,
                    verb,
                    rule: "according-to",
                });
            }
            continue;
        }
        if let Some(subject) = subject_before(&toks, v).filter(|s| plausible_subject(&toks, *s)) {
            if let Some(outer) = outer_cue(&toks, subject) {
                return Some(outer);
            }
            return Some(Cue {
                subject,
                verb,
                rule: if characterising {
                    "characterising-verb"
                } else {
                    "speaker-verb-before-quote"
                },
            });
        }
        if characterising {
            // "rated by PolitiFact": no inverted subject for these.
            continue;
        }
        // Inverted: `said Smith: “…”`.
        if let Some(subject) = subject_after(&toks, v + n).filter(|s| plausible_subject(&toks, *s)) {
            return Some(Cue {
                subject,
                verb,
                rule: "verb-before-speaker",
            });
        }
    }
    None
}

/// A sentence that opens with "According to X," is X's account: a
/// quotation after the comma is attributed to X, even when a nearer clause
/// has a speech verb of its own ("According to pool reports, Obama said
/// “…”" is the pool reports' quotation, as the article sources it).
pub(crate) fn opening_according_to(toks: &[Token]) -> Option<Cue> {
    let mut words = toks.iter().enumerate().filter(|(_, t)| t.is_word());
    let (a, first) = words.next()?;
    let (_, second) = words.next()?;
    if !(first.is("according") && second.is("to")) {
        return None;
    }
    // The phrase ends at its comma, which must come before the quotation.
    let comma = (a + 2..toks.len()).find(|&k| toks[k].is(","))?;
    let phrase = &toks[..comma];
    let subject = subject_after(phrase, a + 2).filter(|s| plausible_subject(phrase, *s))?;
    Some(Cue {
        subject,
        verb: "according to".to_string(),
        rule: "according-to",
    })
}

/// The most words an "as … put it" clause runs on after "it" ("as Weiner
/// put it in his memo to employees, “…”").
const AS_PUT_IT_TAIL: usize = 10;

/// The furthest "as" stands before "put it" (a long appositive between).
const AS_PUT_IT_REACH: usize = 30;

/// "Or, as Tom Ridge, a former secretary, put it: “…”", "as he puts it,":
/// the quotation is the words of the subject of the "as" clause, though
/// "put" is no speech verb and "as" opens a subordinate clause.
pub(crate) fn as_put_it_cue(toks: &[Token]) -> Option<Cue> {
    let put = (1..toks.len().saturating_sub(1))
        .rev()
        .find(|&k| toks[k].is_one_of(&["put", "puts"]) && toks[k + 1].is("it"))?;
    let tail = &toks[put + 2..];
    if tail.iter().filter(|t| t.is_word()).count() > AS_PUT_IT_TAIL
        || tail.iter().any(|t| matches!(t.text, "." | ";" | "?" | "!"))
    {
        return None;
    }
    let as_at = (put.saturating_sub(AS_PUT_IT_REACH)..put)
        .rev()
        .find(|&k| toks[k].is("as"))?;
    // "as he once put it", "as Smith has put it".
    let mut v = put;
    while v > as_at + 2 && toks[v - 1].is_one_of(&["has", "had", "once", "famously", "memorably", "so"]) {
        v -= 1;
    }
    let phrase = &toks[..v];
    let subject = subject_after(phrase, as_at + 1).filter(|s| plausible_subject(phrase, *s))?;
    Some(Cue {
        subject,
        verb: toks[put].text.to_string() + " it",
        rule: "as-put-it",
    })
}

/// A possessive name before a noun for something said, in the same clause
/// as the quotation: "Trump’s claim that there have been “thousands of
/// shootings”", "Reyes’s remarks about a “rigged” count".
pub(crate) fn speech_noun_cue(toks: &[Token]) -> Option<Cue> {
    for k in (1..toks.len()).rev() {
        let t = &toks[k];
        if matches!(t.text, "." | ";" | "?" | "!" | "“" | "”" | "\"") {
            return None;
        }
        if !(t.is_word() && crate::lexicon::SPEECH_NOUNS.contains(t.text)) {
            continue;
        }
        let owner = &toks[k - 1];
        if !(owner.is_possessive() && owner.is_capitalized()) {
            continue;
        }
        let start = name_back(toks, k);
        let start = if start < k { start } else { k - 1 };
        return Some(Cue {
            subject: Span::new(toks[start].span().start, owner.span().start + owner.stem().len()),
            verb: t.text.to_string(),
            rule: "speech-noun",
        });
    }
    None
}

/// "Reid has gone after Trump as a “con artist”": with no speech verb, a
/// quotation introduced by "as" characterises something in the words of
/// the clause's subject, when that subject is a name or a pronoun.
pub(crate) fn characterised_as_cue(toks: &[Token]) -> Option<Cue> {
    let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
    let mut k = words.len();
    if k > 0 && words[k - 1].is_one_of(&["a", "an", "the"]) {
        k -= 1;
    }
    let as_at = k.checked_sub(1).filter(|&i| words[i].is("as"))?;
    // "known as", "described as": a term, and classify says so.
    let before_as = words.get(as_at.checked_sub(1)?)?;
    if before_as.text.ends_with("ed") && !before_as.is_capitalized() {
        return None;
    }
    let upto = toks.iter().position(|t| t.span().start >= words[as_at].span().start)?;
    let subject = clause_subject(toks, upto)?;
    let first = toks.iter().find(|t| t.span().start >= subject.start)?;
    (first.is_capitalized() || is_pronoun(first)).then(|| Cue {
        subject,
        verb: "as".to_string(),
        rule: "characterised-as",
    })
}

/// The source of reported speech that contains the cue: in "Trump said
/// Clinton once described the deal as the “gold standard”", Trump is the
/// source the quotation is attributed to, as the article reports it, not
/// Clinton. Only a main-clause speech verb counts ("After Trump said …,
/// Clinton called it “…”" stays Clinton's).
fn outer_cue(toks: &[Token], inner: Span) -> Option<Cue> {
    let first_word = toks.iter().find(|t| t.is_word())?;
    if crate::lexicon::SUBORDINATORS.contains(first_word.text) {
        return None;
    }
    let inner_at = toks.iter().position(|t| t.span().start >= inner.start)?;
    for u in (0..inner_at).rev() {
        let t = &toks[u];
        if !t.is_word() || !t.has(class::SPEECH_VERB) || t.text.ends_with("ing") {
            continue;
        }
        // The inner subject opens the reported clause right after the
        // verb ("said Clinton …", "said that Clinton …", "said during a
        // rally that Clinton …").
        let between = &toks[u + 1..inner_at];
        let reported = between.is_empty() || between.iter().any(|b| b.is("that"));
        if !reported {
            return None;
        }
        let subject = subject_before(toks, u).filter(|s| plausible_subject(toks, *s))?;
        return Some(Cue {
            subject,
            verb: t.text.to_string(),
            rule: "outer-speaker",
        });
    }
    None
}

/// A cue inside a quote that was never closed: `“We will stay, Abernathy
/// told reporters …` — the attribution the missing mark swallowed.
/// Returns the cue and the comma where the intended quotation ended.
pub(crate) fn cue_inside(toks: &[Token]) -> Option<(Cue, Span)> {
    for c in (0..toks.len()).filter(|&k| toks[k].is(",")) {
        if let Some(cue) = cue_after(&toks[c + 1..], 4) {
            return Some((
                Cue {
                    rule: "verb-inside-unclosed-quote",
                    ..cue
                },
                toks[c].span(),
            ));
        }
    }
    None
}

/// A quotation right after a colon that ends the narration with no speech
/// verb: `Perez lobbies for a higher wage: “…”`, `Mahaney agreed: “…”`, or
/// a credit line `Dana Whitfield, The Boston Globe: “…”`. The clause's
/// subject speaks.
pub(crate) fn colon_cue(toks: &[Token]) -> Option<Cue> {
    let colon = toks.len().checked_sub(1).filter(|&k| toks[k].is(":"))?;
    // A label: the name right before the colon, after a dash or opening the
    // line ("… - Carl Bialik:", "Dana Whitfield, The Boston Globe:").
    let s = name_back(toks, colon);
    // "“Headline,” by The Times’ Ben Sisario: “…”" credits an excerpt of an
    // article, not speech.
    let det = usize::from(s > 0 && toks[s - 1].is("the"));
    if s > det && toks[s - 1 - det].is("by") {
        return None;
    }
    let label_start = s == 0 || DASHES.contains(&toks[s - 1].text);
    if s < colon && !label_start && s >= 2 && toks[s - 1].is(",") {
        // "Name, Paper:": the person before the comma.
        let p = name_back(toks, s - 1);
        if p < s - 1 && (p == 0 || DASHES.contains(&toks[p - 1].text)) {
            let subject = span_of(&toks[p..s_end(toks, p)])?;
            return Some(Cue {
                subject,
                verb: ":".to_string(),
                rule: "colon-introduction",
            });
        }
    }
    if s < colon && label_start {
        let subject = span_of(&toks[s..colon]).filter(|sp| plausible_subject(toks, *sp))?;
        return Some(Cue {
            subject,
            verb: ":".to_string(),
            rule: "colon-introduction",
        });
    }
    // Otherwise a simple clause: an introductory phrase before a comma
    // ("In the hours after …, a familiar voice celebrated …:") hides its
    // subject from this reading.
    // Unless the phrase is plainly introductory ("But back on American
    // soil, he returned to his familiar lines:"): one comma, within eight
    // words of an opening function word, and a pronoun or name after it.
    let commas = toks[..colon].iter().filter(|t| t.is(",")).count();
    let intro = commas == 1
        && toks
            .first()
            .is_some_and(|t| t.has(class::FUNCTION_WORD) && !is_pronoun(t))
        && toks[..colon.min(9)].iter().any(|t| t.is(","));
    if commas > 0 && !intro {
        return None;
    }
    let subject = clause_subject(toks, colon).filter(|s| plausible_subject(toks, *s))?;
    if intro {
        let comma = toks.iter().position(|t| t.is(","))?;
        if subject.start < toks[comma].span().end {
            return None;
        }
    }
    let first = toks.iter().find(|t| t.span().start >= subject.start)?;
    (first.is_capitalized() || is_pronoun(first)).then(|| Cue {
        subject,
        verb: ":".to_string(),
        rule: "colon-introduction",
    })
}

/// The end of the capitalised run that starts at `start`.
fn s_end(toks: &[Token], start: usize) -> usize {
    let mut e = start;
    while e < toks.len() && (toks[e].is_capitalized() || toks[e].text.ends_with('.')) && toks[e].is_word() {
        e += 1;
    }
    e.max(start + 1).min(toks.len())
}

/// A credit that closes the quote's sentence after more narration: `a
/// “candidate who is a lightning rod” and residents get nervous, said Lena
/// Ortiz.` / `“…” if she lost, Tom Alvarez said.` The clause after the
/// sentence's last comma is the attribution.
pub(crate) fn sentence_final_cue(after: &[Token]) -> Option<Cue> {
    let end = after
        .iter()
        .position(|t| matches!(t.text, "." | "?" | "!" | "“" | "”" | "\"" | ";"))?;
    let sentence = &after[..end];
    let comma = sentence.iter().rposition(|t| t.is(","))?;
    let clause = &sentence[comma + 1..];
    // A credit is short: the verb and a name with a short appositive.
    if clause.iter().filter(|t| t.is_word()).count() > 12 {
        return None;
    }
    let cue = cue_after(clause, 4)?;
    Some(Cue {
        rule: "sentence-final-credit",
        ..cue
    })
}

/// The subject of the clause before a quotation with no cue of its own, when
/// it is a name or a pronoun ("He commanded the party to “…”").
pub(crate) fn own_subject(toks: &[Token]) -> Option<Span> {
    let last = toks.iter().rposition(|t| t.is_word())?;
    let subject = clause_subject(toks, last + 1).filter(|s| plausible_subject(toks, *s))?;
    let first = toks.iter().find(|t| t.span().start >= subject.start)?;
    (first.is_capitalized() || is_pronoun(first)).then_some(subject)
}

/// A credit after a quotation with a verb the lexicon does not know, read
/// from its shape alone: `“This is fantastic!” beamed Donald Hartley` (a
/// lowercase verb, then a name, then the end of the clause) or `“…,” Trump
/// fumed.` (a name, then one verb in -ed or -s, then the end).
pub(crate) fn bare_credit_after(toks: &[Token]) -> Option<Cue> {
    let start = toks.iter().position(|t| t.is_word())?;
    if toks[..start]
        .iter()
        .any(|t| !matches!(t.text, "," | "”" | "\"" | "’" | "'"))
    {
        return None;
    }
    let words = &toks[start..];
    // The clause ends after the name, or after its place ("of Tulsa").
    let clause_end = |k: usize| {
        words.get(k).is_none_or(|t| matches!(t.text, "." | "," | ";"))
            || (words[k].is("of")
                && words.get(k + 1).is_some_and(|t| t.is_capitalized())
                && words.get(k + 2).is_none_or(|t| matches!(t.text, "." | "," | ";")))
    };
    let verb_like = |t: &Token| verb_shaped(t) && t.text.len() > 3;
    if verb_like(&words[0]) {
        let subject = subject_after(words, 1).filter(|s| plausible_subject(words, *s))?;
        let end = words.iter().rposition(|t| t.span().end <= subject.end)?;
        let named = words.get(1).is_some_and(|t| t.is_capitalized());
        return (named && clause_end(end + 1)).then(|| Cue {
            subject,
            verb: words[0].text.to_string(),
            rule: "verb-before-speaker",
        });
    }
    // A name, or a pronoun ("“…,” he surmised.").
    let run = if is_pronoun(&words[0]) {
        1
    } else {
        words.iter().take(4).take_while(|t| t.is_capitalized()).count()
    };
    // A particle may follow the verb: "Trump went on."
    let particle = usize::from(
        words
            .get(run + 1)
            .is_some_and(|t| t.is_one_of(&["on", "back", "up", "in", "out"])),
    );
    if run == 0 || !words.get(run).is_some_and(verb_like) || !clause_end(run + 1 + particle) {
        return None;
    }
    let subject = span_of(&words[..run]).filter(|s| plausible_subject(words, *s))?;
    Some(Cue {
        subject,
        verb: words[run].text.to_string(),
        rule: "speaker-verb-after-quote",
    })
}

/// A short clause that introduces a quotation with a comma and a verb the
/// lexicon does not know: `Prager continues, “In fact …”`. The clause is
/// a name or a pronoun, a verb, and at most two more words.
pub(crate) fn comma_introduction(toks: &[Token]) -> Option<Cue> {
    let comma = toks.len().checked_sub(1).filter(|&k| toks[k].is(","))?;
    let words: Vec<&Token> = toks[..comma].iter().filter(|t| t.is_word()).collect();
    if toks[..comma].iter().any(|t| !t.is_word() && !t.text.ends_with('.')) || words.len() > 5 {
        return None;
    }
    // The subject opens the clause: a pronoun or a run of capitalised words.
    let first = toks.first()?;
    let run = if is_pronoun(first) {
        1
    } else {
        toks[..comma].iter().take_while(|t| t.is_capitalized()).count()
    };
    let subject = span_of(&toks[..run]).filter(|s| plausible_subject(toks, *s))?;
    let (at, end) = (0, run.checked_sub(1)?);
    let verb = toks.get(run)?;
    let verb_like = verb_shaped(verb);
    (at == 0 && !first.has(class::FUNCTION_WORD | class::PLACE_WORD) || is_pronoun(first))
        .then_some(())
        .filter(|_| verb_like && comma - end <= 4)
        .map(|_| Cue {
            subject,
            verb: verb.text.to_string(),
            rule: "colon-introduction",
        })
}

/// A word shaped like a finite verb: lowercase, not a function word, in
/// -ed or -s or an irregular past ("went on", "shot back").
fn verb_shaped(t: &Token) -> bool {
    t.is_word()
        && !t.is_capitalized()
        && !t.has(class::FUNCTION_WORD)
        && (t.text.ends_with("ed") || t.text.ends_with('s') || crate::lexicon::IRREGULAR_PAST.contains(t.text))
}
