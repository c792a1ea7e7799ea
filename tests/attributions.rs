//! Reported speech as attributions (issue 22): cue, source, content spans
//! and kind, on text written for these tests; statement rows in the
//! worksheet; the Statements table; claims taking their clause's source.

use std::collections::HashSet;

use factsheet::{Analysis, AttributionKind, Selection, analyze_text};

const STORY: &str = "Harbor City plans a new ferry line.\n\n\
Mayor Dana Okafor said the city would spend $12 million on the ferry line. \
The transit board, according to its chair Luis Brandt, expects 4,000 riders a day. \
Critics who oppose the plan argue that the money should go to buses. \
“We will not wait another decade,” Okafor said. “The harbor is our road.” \
Those who ride the buses today, Brandt said, deserve faster trips. \
Okafor has reaffirmed the city’s commitment to the plan, vowing to finish it by 2027.\n";

fn analyse(text: &str) -> Analysis {
    analyze_text("story.txt", text, &Selection::default())
}

/// The attribution whose content starts with `words`, as (kind, source
/// name, cue, content text).
fn find<'a>(a: &'a Analysis, words: &str) -> (&'a factsheet::Attribution, String) {
    let text = a.document.text.as_str();
    let t = a
        .attributions
        .iter()
        .find(|t| t.content_text(text).starts_with(words))
        .unwrap_or_else(|| panic!("no attribution starting {words:?}"));
    (t, t.content_text(text))
}

fn source(t: &factsheet::Attribution) -> Option<&str> {
    t.speaker.as_ref().map(|s| s.name.as_str())
}

#[test]
fn reported_speech_has_cue_source_and_content() {
    let a = analyse(STORY);
    let text = a.document.text.as_str();
    let (t, content) = find(&a, "the city would spend");
    assert_eq!(t.kind, AttributionKind::Indirect);
    assert_eq!(source(t), Some("Dana Okafor"));
    assert_eq!(t.speaker.as_ref().unwrap().role.as_deref(), Some("Mayor"));
    assert_eq!(t.cue.unwrap().of(text), "said");
    assert_eq!(content, "the city would spend $12 million on the ferry line");

    let (t, _) = find(&a, "The transit board");
    assert_eq!(t.rule, "according-to");
    assert_eq!(source(t), Some("Luis Brandt"));
    // "The transit board, according to …, expects …": two spans.
    assert_eq!(t.content.len(), 2);

    let (t, _) = find(&a, "that the money should go to buses");
    assert_eq!(t.speaker.as_ref().unwrap().span.of(text), "Critics");

    let (t, _) = find(&a, "the city’s commitment");
    assert_eq!(source(t), Some("Dana Okafor"));
    assert_eq!(t.cue.unwrap().of(text), "reaffirmed");
    let (t, _) = find(&a, "to finish it by 2027");
    assert_eq!((t.rule, source(t)), ("participle", Some("Dana Okafor")));
}

#[test]
fn a_relative_pronoun_is_the_mention_and_its_antecedent_the_source() {
    let a = analyse(
        "The board heard from Tomas Reyes, who has long argued that the ferry will lose money. \
         “We cannot carry this alone,” she said, adding that the port authority owes the city $3 million.\n",
    );
    let text = a.document.text.as_str();
    let (t, _) = find(&a, "that the ferry will lose money");
    let s = t.speaker.as_ref().unwrap();
    assert_eq!((s.span.of(text), s.name.as_str()), ("who", "Tomas Reyes"));
    // The participle goes on with the credit's speaker, not with the
    // quotation's "We".
    let (t, _) = find(&a, "that the port authority owes");
    assert_eq!(t.rule, "participle");
    assert_eq!(t.speaker.as_ref().unwrap().span.of(text), "she");
}

#[test]
fn a_reduced_relative_is_not_a_speaker() {
    let a = analyse("Inspectors closed the yard last week, fining 40 workers identified as unlicensed operators.\n");
    let text = a.document.text.as_str();
    assert!(
        a.attributions.iter().all(|t| t
            .speaker
            .as_ref()
            .is_none_or(|s| !s.span.of(text).starts_with("fining"))),
        "a participle phrase read as a speaker"
    );
}

#[test]
fn an_interrupting_credit_splits_the_content() {
    let a = analyse(STORY);
    let (t, content) = find(&a, "Those who ride the buses today");
    assert_eq!(t.rule, "content-source-cue");
    assert_eq!(source(t), Some("Luis Brandt"));
    assert_eq!(content, "Those who ride the buses today … deserve faster trips");
}

#[test]
fn quotes_are_direct_attributions_and_point_back() {
    let a = analyse(STORY);
    let text = a.document.text.as_str();
    let (t, _) = find(&a, "“We will not wait");
    assert_eq!(t.kind, AttributionKind::Direct);
    assert_eq!(source(t), Some("Dana Okafor"));
    // "“…,” Okafor said. “…”": both quotes, one attribution.
    assert_eq!(t.quotes.len(), 2);
    assert!(t.content[1].of(text).starts_with("“The harbor"));
    // Every speech quote belongs to exactly one attribution.
    let mut seen = HashSet::new();
    for t in &a.attributions {
        for &q in &t.quotes {
            assert!(seen.insert(q), "quote {q} in two attributions");
        }
    }
    assert_eq!(seen.len(), a.quotes.iter().filter(|q| q.speaker.is_some()).count());
}

#[test]
fn quoted_words_in_reported_speech_are_mixed() {
    let a = analyse("Senator Ruth Alvarez said the bill was “a blank check for polluters” and should fail.\n");
    let t = &a.attributions[0];
    assert_eq!(t.kind, AttributionKind::Mixed);
    assert_eq!(source(t), Some("Ruth Alvarez"));
    assert_eq!(t.quotes.len(), 1);
}

#[test]
fn claims_in_an_attributed_clause_carry_its_source() {
    let a = analyse(STORY);
    let text = a.document.text.as_str();
    let money = a
        .claims
        .iter()
        .find(|c| c.span.of(text).contains("12 million"))
        .unwrap();
    assert_eq!(money.source.as_deref(), Some("Dana Okafor"));
    let riders = a.claims.iter().find(|c| c.span.of(text).contains("4,000")).unwrap();
    assert_eq!(riders.source.as_deref(), Some("Luis Brandt"));
}

#[test]
fn the_sample_article_reports_its_statements_with_sources() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles/ice-massachusetts.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let a = analyse(&text);
    let t = a.document.text.as_str();
    let statements: Vec<(String, Option<&str>)> = a
        .attributions
        .iter()
        .filter(|s| s.is_statement())
        .map(|s| (s.content_text(t), source(s)))
        .collect();
    let by = |start: &str| statements.iter().find(|(c, _)| c.starts_with(start)).map(|(_, s)| *s);
    assert_eq!(by("that the agency remains committed"), Some(Some("ICE officials")));
    assert_eq!(by("the city’s sanctuary policies"), Some(Some("Michelle Wu")));
    assert_eq!(by("205 of those arrested"), Some(Some("ICE")));
}

#[test]
fn statement_rows_keep_their_verdicts_when_merged() {
    let a = analyse(STORY);
    let rows = factsheet::worksheet::rows(&a);
    let statement = rows
        .iter()
        .find(|r| r.cell("kind") == "statement" && r.cell("text").starts_with("the city would spend"))
        .expect("a statement row");
    assert_eq!(statement.cell("speaker"), "Dana Okafor");
    assert_eq!(statement.cell("role"), "Mayor");
    assert!(statement.cell("attribution").contains("“said”"));
    let id = statement.cell("id").to_string();
    let mut old = factsheet::worksheet::Worksheet::from_rows(rows.clone());
    for r in &mut old.rows {
        if r.cell("id") == id {
            r.insert("verdict", "verified");
            r.insert("notes", "council minutes, p. 4");
        }
    }
    let articles: HashSet<String> = ["story.txt".to_string()].into();
    let (merged, _) = old.merge(factsheet::worksheet::rows(&a), &articles);
    let kept = merged.rows.iter().find(|r| r.cell("id") == id).unwrap();
    assert_eq!(kept.cell("verdict"), "verified");
    assert_eq!(kept.cell("notes"), "council minutes, p. 4");
}

#[test]
fn the_terminal_shows_statements_after_the_quotes() {
    let a = analyse(STORY);
    let out = factsheet::render::table::render(&a);
    let quotes = out.find("Quotes (").unwrap();
    let statements = out.find("Statements (").expect("a Statements table");
    assert!(quotes < statements && statements < out.find("Claims (").unwrap());
    assert!(out.contains("reaffirmed"));
}

#[test]
fn sources_behind_auxiliaries_counts_and_questions_are_read() {
    let text = "The council met on Monday.\n\n\
Councillor Rana Obi did not discuss the cost of the bridge. \
Sixty percent said the bridge should wait. \
In the north ward, turnout was the lowest in a decade, election officials said. \
Asked about the delay, Obi blamed the weather.\n";
    let a = analyse(text);
    let t = a.document.text.as_str();
    let (s, _) = find(&a, "the cost of the bridge");
    assert_eq!(s.speaker.as_ref().unwrap().span.of(t), "Councillor Rana Obi");
    let (s, _) = find(&a, "the bridge should wait");
    assert_eq!(s.speaker.as_ref().unwrap().span.of(t), "Sixty percent");
    // An introductory phrase followed by a clause is part of the content.
    let (s, content) = find(&a, "In the north ward");
    assert_eq!((s.rule, source(s)), ("content-source-cue", Some("election officials")));
    assert_eq!(content, "In the north ward, turnout was the lowest in a decade");
    // The question put: no one named asks it.
    let (s, content) = find(&a, "the delay");
    assert_eq!((s.rule, source(s), content.as_str()), ("question", None, "the delay"));
}

/// A statement row must not say the opposite of what was said: the
/// negation and the particle of a phrasal cue are part of the cue.
#[test]
fn a_negated_cue_keeps_its_negation() {
    let story = "Ferry plans stall.\n\nOfficials at Harbor Transit have not ruled out future fare increases in the region. \
Mayor Dana Okafor did not say the line would close.\n";
    let a = analyse(story);
    let text = a.document.text.as_str();
    let (t, _) = find(&a, "future fare increases");
    assert_eq!(t.cue.map(|c| c.of(text)), Some("have not ruled out"));
    let (t, _) = find(&a, "the line would close");
    assert_eq!(t.cue.map(|c| c.of(text)), Some("did not say"));
    assert_eq!(source(t), Some("Dana Okafor"));
}

#[test]
fn a_sentence_opening_participle_or_adverb_is_no_source() {
    let a = analyse(
        "Ferry plan.\n\nRecognizing this, Mr. Brandt joined critics in arguing that fares would rise.\n\n\
         Okafor said the harbor had been empty.\n",
    );
    // The participle's reading has no source here; the attribution gate
    // may drop it, but no reading may name the opening participle.
    let text = a.document.text.as_str();
    let sources: Vec<Option<&str>> = a.attributions.iter().map(source).collect();
    assert!(!sources.contains(&Some("Recognizing")), "{sources:?}");
    assert!(
        a.attributions
            .iter()
            .all(|t| !t.content_text(text).starts_with("Recognizing"))
    );
    let (t, _) = find(&a, "the harbor had been");
    assert_eq!(source(t), Some("Okafor"));
}

#[test]
fn an_object_pronoun_or_an_adjunct_after_the_cue_does_not_hide_the_content() {
    let text = "Harbor City plans a new ferry line.\n\n\
Councillor Ruth Alvarez said her office will review the ferry budget next spring. \
Transit officials told him he had filed the permit too late. \
Harbor Mayor Dana Okafor says tonight she’s ready to sign the contract. \
The port authority said about half of the berths would be rebuilt. \
Okafor thanked them on Friday.\n";
    let a = analyse(text);
    let (t, content) = find(&a, "her office will review");
    assert_eq!(source(t), Some("Ruth Alvarez"));
    assert_eq!(content, "her office will review the ferry budget next spring");
    let (t, _) = find(&a, "him he had filed");
    assert_eq!(t.cue.unwrap().of(text), "told");
    let (t, _) = find(&a, "she’s ready to sign");
    assert_eq!(source(t), Some("Dana Okafor"));
    let (t, _) = find(&a, "about half of the berths");
    assert_eq!(t.cue.unwrap().of(text), "said");
    // A hearer and a time, nothing said: no statement.
    assert!(!a.attributions.iter().any(|t| t.content_text(text).starts_with("them")));
}

#[test]
fn a_relative_pronoun_before_the_source_opens_the_content() {
    let text = "Harbor City plans a new ferry line.\n\n\
The new fares, which transit officials said will start in March, worry commuters. \
The board backed repairs that Okafor said saved the old pier.\n";
    let a = analyse(text);
    let (t, content) = find(&a, "which");
    assert_eq!(t.speaker.as_ref().unwrap().span.of(text), "transit officials");
    // Two spans: the pronoun, then the predicate up to the relative's comma.
    assert_eq!(t.content.len(), 2);
    assert_eq!(t.content[1].of(text), "will start in March");
    assert!(!content.contains("worry"));
    let (t, _) = find(&a, "that");
    assert_eq!(t.content[1].of(text), "saved the old pier");
    assert_eq!(source(t), Some("Okafor"));
}

#[test]
fn a_coordinated_clause_with_its_own_cue_ends_the_content() {
    let text = "Harbor City plans a new ferry line.\n\n\
Most riders said the boats were too slow, and a third of them said the fares were too high. \
Two councillors said they will vote against the budget, as has the mayor’s own deputy.\n";
    let a = analyse(text);
    let (_, content) = find(&a, "the boats were too slow");
    assert_eq!(content, "the boats were too slow");
    let (t, _) = find(&a, "the fares were too high");
    assert_eq!(t.speaker.as_ref().unwrap().span.of(text), "a third of them");
    let (_, content) = find(&a, "they will vote against");
    assert_eq!(content, "they will vote against the budget");
}

#[test]
fn a_hearer_after_a_verb_of_saying_is_no_content() {
    let text = "Harbor City plans a new ferry line.\n\n\
“We will build the pier by summer,” Okafor said to a cheering crowd. \
Brandt said to reporters that the ferry would run at night.\n";
    let a = analyse(text);
    let text = a.document.text.as_str();
    assert!(
        !a.attributions
            .iter()
            .any(|t| t.content_text(text).starts_with("to a cheering"))
    );
    let (t, _) = find(&a, "“We will build");
    assert_eq!(source(t), Some("Okafor"));
    find(&a, "that the ferry would run at night");
}

#[test]
fn a_paired_dashed_aside_does_not_end_the_content() {
    let text = "Harbor City plans a new ferry line.\n\n\
Okafor said the pier – which opened in 1962 – needs new pilings before the ferry can dock. \
Brandt said the ferry would be late — the third delay this year.\n";
    let a = analyse(text);
    let (_, content) = find(&a, "the pier");
    assert_eq!(
        content,
        "the pier – which opened in 1962 – needs new pilings before the ferry can dock"
    );
    // A single dash still closes the clause: what follows is the narration's.
    let (_, content) = find(&a, "the ferry would be late");
    assert_eq!(content, "the ferry would be late");
}
