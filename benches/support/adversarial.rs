//! Long, pathological articles for the scaling benchmark and the scaling
//! budget (issue 15): the kinds `scripts/scaling.sh` times (normal news
//! repeated, one line without a newline, all quotation marks, thousands of
//! distinct names, thousands of numbers and dates), written by pieces so a
//! property test can mix them. Deterministic for a seed; no dependencies.

#![allow(dead_code)]

/// A small xorshift generator: the articles must not depend on a crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

/// The pathological kinds, as `scripts/scaling.sh` names them.
pub const KINDS: [&str; 5] = ["news", "oneline", "quotes", "names", "numbers"];

const SAMPLE: &str = include_str!("../../data/articles/ice-massachusetts.txt");
const FIRST: [&str; 20] = [
    "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo",
    "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
];
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "be", "do", "fe", "gu", "ha", "ji", "ko", "pe",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NOUNS: [&str; 8] = [
    "people", "workers", "students", "arrests", "homes", "cars", "jobs", "votes",
];
const MARKS: [&str; 10] = ["\"", "“", "”", "““", "\" \"", "«", "»", "'", "\"Yes,\" ", "“No.” "];

/// A surname made of syllables, distinct for each `i`.
fn surname(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
        if i == 0 {
            let mut c = s.chars();
            return c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
        }
    }
}

/// One piece of the kind, the `i`th of its article.
pub fn piece(kind: &str, i: usize, rng: &mut Rng) -> String {
    match kind {
        "news" => format!("{SAMPLE}\n"),
        "oneline" => format!("{} ", SAMPLE.replace('\n', " ")),
        "quotes" => rng.pick(&MARKS).to_string(),
        "names" => {
            let name = format!("{} {}{}", FIRST[i % FIRST.len()], surname(i), surname(i * 7 + 3));
            let last = name.split(' ').nth(1).unwrap_or_default().to_string();
            format!(
                "“We will look at it,” said {name}, a spokesman for the {} council. {last} added that “nothing is decided.”\n",
                surname(i + 11)
            )
        }
        _ => {
            let (d, m) = (1 + rng.below(20), rng.pick(&MONTHS));
            format!(
                "{} {} died on {m} {d}, {}. The {}-day strike ran from {m} {d} to {m} {}. Of the {} {}, {} were men and {} were women, or {}% of ${} million.\n",
                2 + rng.below(998),
                rng.pick(&NOUNS),
                1990 + rng.below(41),
                2 + rng.below(4),
                d + 1 + rng.below(8),
                100 + rng.below(900),
                rng.pick(&NOUNS),
                1 + rng.below(99),
                1 + rng.below(99),
                1 + rng.below(99),
                1 + rng.below(900)
            )
        }
    }
}

/// An article of about `bytes` bytes of one kind.
pub fn article(kind: &str, bytes: usize) -> String {
    mixed(&[kind], bytes, 15)
}

/// An article of about `bytes` bytes whose pieces cycle through `kinds`
/// (a property test's mix), cut at a character boundary.
pub fn mixed(kinds: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(bytes + 512);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(&piece(kinds[i % kinds.len()], i, &mut rng));
        i += 1;
    }
    let mut end = bytes.min(out.len());
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}
