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

// ---------------------------------------------------------------------------
// The worksheet (issue 19): what factsheet writes reads back as it was
// written, and no sequence of runs and human edits loses a human cell.

use factsheet::worksheet::{self, Article, Row, Worksheet};

/// Cell text that troubles CSV and spreadsheets: formula signs (ASCII and
/// full-width), apostrophes, quotes, separators, line breaks, a BOM.
fn hostile_cell() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("="),
            Just("+"),
            Just("-"),
            Just("@"),
            Just("\t"),
            Just("\r"),
            Just("\n"),
            Just("\r\n"),
            Just("＝"),
            Just("＋"),
            Just("－"),
            Just("＠"),
            Just("'"),
            Just("''"),
            Just("\""),
            Just(","),
            Just(" "),
            Just("\u{feff}"),
            Just("\u{2028}"),
            Just("5"),
            Just("SUM(A1)"),
            Just("é"),
            Just("x"),
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

/// A sheet as factsheet would write it: its columns plus one of the
/// journalist's, unique ids, cells of every kind.
fn any_sheet() -> impl Strategy<Value = Worksheet> {
    let verdicts = prop::sample::select(vec!["", "verified", "false", "Misleading", "unverifiable"]);
    let row = (hostile_cell(), hostile_cell(), hostile_cell(), verdicts, hostile_cell());
    proptest::collection::vec(row, 0..8).prop_map(|rows| {
        let rows: Vec<Row> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (text, context, notes, verdict, desk))| {
                [
                    ("id", format!("q-{i}")),
                    ("article", "a.txt".to_string()),
                    ("text", text),
                    ("context", context),
                    ("verdict", verdict.to_string()),
                    ("notes", notes),
                    ("desk", desk),
                ]
                .into_iter()
                .collect()
            })
            .collect();
        let mut sheet = Worksheet::from_rows(rows);
        sheet.headers.push("desk".into());
        sheet
    })
}

fn cells(sheet: &Worksheet) -> Vec<Vec<String>> {
    sheet
        .rows
        .iter()
        .map(|r| sheet.headers.iter().map(|h| r.cell(h).to_string()).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_written_sheet_reads_back_to_the_same_rows(sheet in any_sheet(), bom in any::<bool>()) {
        let bytes = sheet.to_csv(bom);
        let back = Worksheet::parse(std::path::Path::new("s.csv"), &bytes).unwrap();
        prop_assert_eq!(&back.headers, &sheet.headers);
        prop_assert_eq!(cells(&back), cells(&sheet));
    }

    #[test]
    fn write_read_write_is_byte_stable(sheet in any_sheet(), bom in any::<bool>()) {
        let first = sheet.to_csv(bom);
        let back = Worksheet::parse(std::path::Path::new("s.csv"), &first).unwrap();
        prop_assert_eq!(back.to_csv(bom), first);
    }

    #[test]
    fn the_formula_escape_is_reversible(cell in hostile_cell()) {
        prop_assert_eq!(worksheet::restore(&worksheet::neutralise(&cell)), cell);
    }
}

/// Sentences articles are made of; runs pick and edit some of them.
const SENTENCES: &[&str] = &[
    "The council voted 7 to 2 on Monday to approve a $4.2 million budget.",
    "“This is the best budget in a decade,” Mayor Ana Ruiz said.",
    "“We will open on Sundays again,” Ruiz said.",
    "Police arrested 12 people during a five-day operation from March 3 to March 7.",
    "About 40 percent of those arrested had warrants, Sheriff Alma Reyes said.",
    "“We found what we expected to find,” Reyes told reporters.",
    "The library serves 30,000 residents.",
    "“Nobody asked us,” said Tom Hale, a council member.",
];

/// One step of a journalist's week.
#[derive(Debug, Clone)]
enum Step {
    /// factsheet runs on these articles: (file, sentences, number bump).
    Run(Vec<(usize, Vec<usize>, u8)>),
    /// The journalist writes into a row's cell.
    Edit { row: usize, column: usize },
    /// The journalist sorts the rows in the spreadsheet.
    Sort,
}

fn step() -> impl Strategy<Value = Step> {
    let article = (0usize..3, proptest::collection::vec(0..SENTENCES.len(), 1..6), 0u8..3);
    prop_oneof![
        3 => proptest::collection::vec(article, 1..3).prop_map(Step::Run),
        4 => (any::<usize>(), 0usize..5).prop_map(|(row, column)| Step::Edit { row, column }),
        1 => Just(Step::Sort),
    ]
}

/// The articles of a run, as `check -o` passes them on.
fn run_articles(dir: &std::path::Path, picks: &[(usize, Vec<usize>, u8)]) -> Vec<Article> {
    picks
        .iter()
        .map(|(file, sentences, bump)| {
            let mut text = String::from("Headline\n\n");
            for &s in sentences {
                text.push_str(&SENTENCES[s].replace("12 people", &format!("{} people", 12 + bump)));
                text.push_str("\n\n");
            }
            // Two folders hold a `story.txt`: the names collide on purpose.
            let path = dir.join(["x/story.txt", "y/story.txt", "z.txt"][*file]);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
            let path = path.to_string_lossy().to_string();
            let a = factsheet::analyze_text(&path, &text, &factsheet::Selection::default());
            Article {
                path,
                rows: worksheet::rows(&a),
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn runs_and_human_edits_never_lose_a_human_cell(steps in proptest::collection::vec(step(), 1..10)) {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("s.csv");
        // Every cell the journalist wrote: (column, unique text).
        let mut written: Vec<(String, String)> = Vec::new();
        for (n, s) in steps.iter().enumerate() {
            match s {
                Step::Run(picks) => {
                    worksheet::update(&sheet, run_articles(dir.path(), picks), false).unwrap();
                }
                Step::Edit { row, column } => {
                    let Ok(mut ws) = Worksheet::read(&sheet) else { continue };
                    if ws.rows.is_empty() {
                        continue;
                    }
                    let col = ["notes", "evidence", "checked_by", "desk", "verdict"][*column];
                    let value = if col == "verdict" { "verified".to_string() } else { format!("'-{n} by hand") };
                    if !ws.headers.iter().any(|h| h == col) {
                        ws.headers.push(col.to_string());
                    }
                    let k = row % ws.rows.len();
                    // The journalist's own overwrite is no loss.
                    let before = ws.rows[k].insert(col, &value).unwrap_or_default();
                    written.retain(|(c, v)| !(c == col && *v == before));
                    std::fs::write(&sheet, ws.to_csv(false)).unwrap();
                    if col != "verdict" {
                        written.push((col.to_string(), value));
                    }
                }
                Step::Sort => {
                    let Ok(mut ws) = Worksheet::read(&sheet) else { continue };
                    ws.rows.sort_by(|a, b| a.cell("text").cmp(b.cell("text")));
                    std::fs::write(&sheet, ws.to_csv(false)).unwrap();
                }
            }
            let Ok(ws) = Worksheet::read(&sheet) else {
                prop_assert!(!sheet.exists(), "the sheet no longer reads back");
                continue;
            };
            for (col, value) in &written {
                prop_assert!(ws.rows.iter().any(|r| r.cell(col) == value), "lost {col} = {value:?} after step {n}");
            }
        }
    }
}
