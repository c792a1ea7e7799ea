//! For any input, analysis returns and every span is in bounds and on
//! character boundaries.

use factsheet::{Selection, analyze_text};
use proptest::prelude::*;

fn assert_spans(text: &str) {
    let a = analyze_text("prop.txt", text, &Selection::default());
    let ok = |s: factsheet::Span| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    for q in &a.quotes {
        assert!(ok(q.span) && ok(q.open));
        if let Some(s) = &q.speaker {
            assert!(ok(s.span));
        }
    }
    for c in &a.claims {
        assert!(ok(c.span));
    }
    for f in &a.findings {
        assert!(ok(f.span) && f.related.iter().all(|r| ok(*r)));
    }
    // Rendering never panics either.
    let _ = factsheet::render::jsonl::article(&a);
    let _ = factsheet::worksheet::rows(&a);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        assert_spans(&text);
    }

    #[test]
    fn newsy_text_never_panics(text in proptest::collection::vec(prop_oneof![
        Just("“"), Just("”"), Just("\""), Just("'"), Just("’"), Just("‘"), Just("''"), Just(" said "), Just("Smith"),
        Just("March 18"), Just("–"), Just("-"), Just("23"), Just(", "), Just(". "), Just("\n"), Just("\n\n"),
        Just("$3.4 billion"), Just("six-day"), Just("of those"), Just("Tuesday, "), Just("1,200"), Just("\u{a0}"),
        Just("PENCE:"), Just("percent"), Just("from "), Just(" to "), Just("Mr. "), Just("H. "), Just("she"),
    ], 0..60)) {
        assert_spans(&text.concat());
    }
}

/// The project's own articles, damaged at random: marks, dashes and words
/// inserted, bytes cut out. Every rule meets text it was not written for.
fn damaged_fixture() -> impl Strategy<Value = String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut articles: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    articles.push(include_str!("../data/articles/ice-massachusetts.txt").to_string());
    let edits = proptest::collection::vec(
        (
            any::<prop::sample::Index>(),
            prop_oneof![
                Just("“"),
                Just("”"),
                Just("\""),
                Just("’"),
                Just("—"),
                Just(" -- "),
                Just(", "),
                Just(": "),
                Just("\n\n"),
                Just(" who "),
                Just(" as a "),
                Just(" said "),
                Just("Mr. "),
                Just("’s "),
                Just(""),
            ],
            0usize..6,
        ),
        1..40,
    );
    (prop::sample::select(articles), edits).prop_map(|(mut text, edits)| {
        for (at, insert, cut) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + cut).min(text.len());
            while !text.is_char_boundary(j) {
                j += 1;
            }
            text.replace_range(i..j, insert);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn damaged_articles_never_panic(text in damaged_fixture()) {
        assert_spans(&text);
    }
}

#[test]
fn bom_input_keeps_original_offsets() {
    let text = "\u{feff}Police arrested 12 people.";
    let a = analyze_text("bom.txt", text, &Selection::default());
    let c = &a.claims[0];
    assert_eq!(&text[c.span.start..c.span.end], "12");
}
