//! The editor's review page (`--html`), checked on the HTML factsheet
//! writes: hostile article text stays text, findings point at their spans,
//! a batch gets jump links and a roster, and worksheet verdicts show.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factsheet"))
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/ice-massachusetts.txt")
}

/// The sample with its duration changed, so the duration check fires.
fn five_day(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(sample())
        .unwrap()
        .replace("six-day", "five-day");
    let p = dir.join("five-day.txt");
    std::fs::write(&p, text).unwrap();
    p
}

fn page(dir: &Path, args: &[&str]) -> String {
    let out_path = dir.join("report.html");
    let out = bin()
        .args(["check"])
        .args(args)
        .arg("--html")
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(out_path).unwrap()
}

const HOSTILE: &str = "SPRINGFIELD (Wire) — The council met on Tuesday, its clerk said.\n\n\
A resident posted <script>alert(document.cookie)</script> and </style><b>bold</b> on the board.\n\n\
“It said \"><img src=x onerror=alert(1)> and <a href=\"javascript:alert(2)\">click</a>,” Jane Roe, the clerk, said.\n";

#[test]
fn hostile_article_text_renders_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hostile.txt");
    std::fs::write(&p, HOSTILE).unwrap();
    let html = page(dir.path(), &[p.to_str().unwrap()]);
    let lower = html.to_lowercase();
    // Only the page's own script and style elements exist.
    assert_eq!(lower.matches("<script").count(), 1, "{html}");
    assert_eq!(lower.matches("</script>").count(), 1);
    assert_eq!(lower.matches("<style").count(), 1);
    assert_eq!(lower.matches("</style>").count(), 1);
    assert!(!lower.contains("<img"), "an img element was made");
    assert!(!lower.contains("<b>bold"), "article markup was passed through");
    assert!(!lower.contains("href=\"javascript"), "a javascript: link was made");
    assert!(!lower.contains("<a href=\"javascript"));
    // The same characters are there, as text.
    assert!(html.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"));
    assert!(html.contains("&lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;"));
    // (The quote's cell shows its first words; the whole run is no longer
    // repeated in an unattributed-quote note, since the paragraph names its
    // speaker in words.)
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert("));
    assert!(visible_text(&html).contains("&lt;a href=&quot;javascript:alert(2)&quot;&gt;click&lt;/a&gt;"));
}

/// The page with its tags taken out: what a reader sees, still escaped.
/// Escaped text holds no `<`, so cutting from `<` to `>` removes only tags.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_page_fetches_nothing_and_allows_only_its_own_script() {
    let dir = tempfile::tempdir().unwrap();
    let html = page(dir.path(), &[sample().to_str().unwrap()]);
    let lower = html.to_lowercase();
    assert!(!lower.contains(" src="), "something would be fetched");
    assert!(!lower.contains("http://") && !lower.contains("https://"));
    assert!(lower.contains("content-security-policy"));
    assert!(lower.contains("script-src 'nonce-"));
    assert!(!lower.contains("unsafe-inline"));
}

#[test]
fn a_finding_sits_in_the_margin_and_names_its_spans() {
    let dir = tempfile::tempdir().unwrap();
    let p = five_day(dir.path());
    let html = page(dir.path(), &[p.to_str().unwrap()]);
    let at = html
        .find("class=\"finding sev-error\" id=\"")
        .expect("an error finding");
    let id_start = at + "class=\"finding sev-error\" id=\"".len();
    let id = &html[id_start..id_start + html[id_start..].find('"').unwrap()];
    assert!(html[at..].contains("duration-vs-range"));
    // Both sides of the inconsistency carry the finding's id.
    let marked = format!("data-f=\"{id}\"");
    let spans: Vec<&str> = html
        .match_indices(&marked)
        .map(|(i, _)| {
            let rest = &html[i..];
            let open = rest.find('>').unwrap() + 1;
            &rest[open..open + rest[open..].find("</span>").unwrap()]
        })
        .collect();
    assert_eq!(spans, ["five-day", "from March 18 to March 23"]);
    // The summary counts it.
    assert!(html.contains("<span class=\"sev-error\">1 error</span>"));
}

#[test]
fn quotes_carry_speaker_colour_and_hover_details() {
    let dir = tempfile::tempdir().unwrap();
    let html = page(dir.path(), &[sample().to_str().unwrap()]);
    let homan = html
        .find(">Public safety demands we target and remove the worst offenders,</span>")
        .expect("Homan's quote");
    let open = html[..homan].rfind("<span").unwrap();
    let tag = &html[open..homan];
    assert!(tag.contains("class=\"q s"), "{tag}");
    assert!(tag.contains("speaker: Tom Homan"), "{tag}");
    assert!(tag.contains("rule: speaker-verb-after-quote"), "{tag}");
    assert!(tag.contains("confidence: high"), "{tag}");
}

#[test]
fn a_batch_gets_jump_links_and_one_roster() {
    let dir = tempfile::tempdir().unwrap();
    let p = five_day(dir.path());
    let html = page(dir.path(), &[p.to_str().unwrap(), sample().to_str().unwrap()]);
    assert!(html.contains("<a href=\"#art-1\">five-day.txt</a>"));
    assert!(html.contains("<a href=\"#art-2\">ice-massachusetts.txt</a>"));
    assert!(html.contains("id=\"art-1\"") && html.contains("id=\"art-2\""));
    assert!(html.contains("<summary>Sources</summary>"));
    assert_eq!(
        html.matches(">Michelle Wu</span>").count(),
        2,
        "one roster row per article"
    );
}

#[test]
fn verdicts_from_the_worksheet_show_on_their_items() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("sheet.csv");
    let s = sample();
    let first = bin().arg("check").arg(&s).arg("-o").arg(&sheet).output().unwrap();
    assert!(first.status.success());
    // The checker marks the claim "370" verified in the spreadsheet.
    let mut rd = csv::Reader::from_path(&sheet).unwrap();
    let headers = rd.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let row = rows.iter_mut().find(|r| &r[col("text")] == "370").expect("the 370 row");
    let mut cells: Vec<String> = row.iter().map(str::to_string).collect();
    cells[col("verdict")] = "verified".into();
    *row = csv::StringRecord::from(cells);
    let mut w = csv::Writer::from_path(&sheet).unwrap();
    w.write_record(&headers).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    let html = page(dir.path(), &[s.to_str().unwrap(), "-o", sheet.to_str().unwrap()]);
    assert!(html.contains(">370</span><span class=\"vb\">verified</span>"), "{html}");
    assert!(html.contains("value: 370 · checks: passed"));
    assert!(html.contains("· verdict: verified"));
}
