//! The review page in a real headless Chromium (Debian `chromium`): it
//! loads without console messages, a script planted in an article does not
//! run, a finding's click lights its spans, and the page fits 1280×800 and
//! a 390×844 phone. Skipped, with a note, where Chromium is not installed
//! (set `FACTSHEET_CHROMIUM` to a binary to use another one).

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FACTSHEET_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| ["chromium", "chromium-browser"].map(|n| d.join(n)))
        .find(|p| p.is_file())
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/ice-massachusetts.txt")
}

/// Writes the review page for `articles` into `dir`.
fn write_page(dir: &Path, articles: &[&Path]) -> PathBuf {
    let page = dir.join("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .arg("check")
        .args(articles)
        .arg("--html")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    page
}

/// What Chromium made of a page: the DOM after its script ran, and the
/// console messages it logged.
struct Loaded {
    dom: String,
    console: Vec<String>,
}

fn load(browser: &Path, page: &Path, fragment: &str, size: (u32, u32), extra: &[String]) -> Loaded {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}{fragment}", page.display());
    let out = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"])
        .args(["--enable-logging=stderr", "--log-level=0", "--virtual-time-budget=3000"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={},{}", size.0, size.1))
        .args(extra)
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Loaded {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        console: String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect(),
    }
}

fn dump(browser: &Path, page: &Path, fragment: &str, size: (u32, u32)) -> Loaded {
    load(browser, page, fragment, size, &["--dump-dom".to_string()])
}

macro_rules! need_chromium {
    () => {
        match chromium() {
            Some(b) => b,
            None => {
                eprintln!("chromium not installed: skipped");
                return;
            }
        }
    };
}

#[test]
fn the_page_loads_without_console_messages_and_fits_desktop_and_phone() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(dir.path(), &[&sample()]);
    for size in [(1280, 800), (390, 844)] {
        let l = dump(&browser, &page, "", size);
        assert!(l.console.is_empty(), "{size:?}: {:?}", l.console);
        assert!(l.dom.contains("data-fits=\"yes\""), "{size:?}: wider than the window");
        assert!(l.dom.contains("Public safety demands"));
    }
}

#[test]
fn a_script_planted_in_an_article_does_not_run() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("planted.txt");
    std::fs::write(
        &article,
        "SPRINGFIELD (Wire) — The council met on Tuesday, its clerk said.\n\n\
         A post read <script>document.title = \"pwned\"; console.log(\"pwned\")</script> and \
         \"><img src=x onerror=\"document.title='pwned'\"> and </style><style>body{display:none}</style> \
         and <a href=\"javascript:document.title='pwned'\">a link</a>.\n",
    )
    .unwrap();
    let page = write_page(dir.path(), &[&article]);
    let l = dump(&browser, &page, "", (1280, 800));
    assert!(l.console.is_empty(), "{:?}", l.console);
    assert!(
        l.dom.contains("<title>factsheet review</title>"),
        "the planted script changed the title"
    );
    assert!(!l.dom.to_lowercase().contains("<img"), "an img element was made");
    assert!(!l.dom.contains("href=\"javascript"), "a javascript: link was made");
    assert!(
        l.dom.contains("&lt;script&gt;document.title"),
        "the script is shown as text"
    );
}

#[test]
fn clicking_a_finding_lights_its_related_span() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("five-day.txt");
    std::fs::write(
        &edited,
        std::fs::read_to_string(sample())
            .unwrap()
            .replace("six-day", "five-day"),
    )
    .unwrap();
    let page = write_page(dir.path(), &[&edited]);
    let html = std::fs::read_to_string(&page).unwrap();
    let key = "class=\"finding sev-error\" id=\"";
    let at = html.find(key).expect("a finding") + key.len();
    let id = &html[at..at + html[at..].find('"').unwrap()];
    // Before: nothing lit.
    let before = dump(&browser, &page, "", (1280, 800));
    assert!(!before.dom.contains(" lit\""));
    // The page's link to a finding clicks it on load.
    let after = dump(&browser, &page, &format!("#{id}"), (390, 844));
    assert!(after.console.is_empty(), "{:?}", after.console);
    let lit: Vec<&str> = after
        .dom
        .match_indices(" lit\"")
        .map(|(i, _)| {
            let rest = &after.dom[i..];
            let open = rest.find('>').unwrap() + 1;
            &rest[open..open + rest[open..].find('<').unwrap()]
        })
        .collect();
    assert_eq!(lit, ["five-day", "from March 18 to March 23"]);
    assert!(after.dom.contains("finding sev-error current"));
}

#[test]
fn a_screenshot_of_the_sample_page_is_drawn() {
    let browser = need_chromium!();
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(dir.path(), &[&sample()]);
    let shot = dir.path().join("shot.png");
    load(
        &browser,
        &page,
        "",
        (1280, 800),
        &[format!("--screenshot={}", shot.display())],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "{} bytes", png.len());
}
