//! Keys of the learned models' sparse features, made without building the
//! feature's string. A feature is a few parts joined ("k=" "person" "&p="
//! "B"); its key is a polynomial hash of the joined bytes, which can be
//! made part by part: the hash of `a` then `b` is `H(a)·Bᵏ + H(b)` with
//! `k` the length of `b`. A part written in the code carries its hash and
//! `Bᵏ` made at compile time ([`part!`]), so a feature's key
//! costs one multiply and add per part instead of copying its bytes and
//! hashing them; a part read from the text is hashed once, byte by byte.
//! The models' text files are read into the same keys (the hash of the
//! whole feature string), so a feature weighs what its string weighs.

/// The polynomial's base (odd, so no byte's weight vanishes mod 2⁶⁴).
const BASE: u64 = 0x0000_0100_0000_01b3;

/// One part of a feature: its text (for the training dumps) with its
/// hash and `BASE` to the power of its length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Part<'a> {
    pub text: &'a str,
    hash: u64,
    pow: u64,
}

impl<'a> Part<'a> {
    pub(crate) const fn new(text: &'a str) -> Part<'a> {
        let b = text.as_bytes();
        let (mut hash, mut pow, mut k) = (0u64, 1u64, 0);
        while k < b.len() {
            hash = hash.wrapping_mul(BASE).wrapping_add(b[k] as u64);
            pow = pow.wrapping_mul(BASE);
            k += 1;
        }
        Part { text, hash, pow }
    }
}

/// Parts joined into one, keyed as their joined text: a feature kept to
/// be read later under a prefix (the quote gate's features, which the
/// speaker ranker reads again) without keeping its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Joined {
    hash: u64,
    pow: u64,
}

impl Joined {
    #[inline(always)]
    pub(crate) fn of(parts: &[Part]) -> Joined {
        parts.iter().fold(Joined { hash: 0, pow: 1 }, |j, p| Joined {
            hash: j.hash.wrapping_mul(p.pow).wrapping_add(p.hash),
            pow: j.pow.wrapping_mul(p.pow),
        })
    }

    /// As a part, with `text` to write in a dump (its joined text, or ""
    /// when no dump is made: scoring reads only the hash).
    #[inline(always)]
    pub(crate) fn part(self, text: &str) -> Part<'_> {
        Part {
            text,
            hash: self.hash,
            pow: self.pow,
        }
    }
}

/// A part known at compile time: `part!("k=")`.
macro_rules! part {
    ($s:expr) => {
        const { $crate::featkey::Part::new($s) }
    };
}
pub(crate) use part;

/// The key of the feature whose text is the parts joined. Inlined, so
/// the parts written in the code fold into constants.
#[inline(always)]
pub(crate) fn key(parts: &[Part]) -> u64 {
    let h = parts
        .iter()
        .fold(0u64, |h, p| h.wrapping_mul(p.pow).wrapping_add(p.hash));
    mix(h)
}

/// The key of a feature's whole text (a model file's line).
pub(crate) fn key_of(text: &str) -> u64 {
    key(&[Part::new(text)])
}

/// The parts joined, as the training dumps write the feature.
pub(crate) fn joined(parts: &[Part]) -> String {
    parts.iter().map(|p| p.text).collect()
}

/// A model's weights by feature key: an open-addressing table read by
/// the key's top bits (the keys are mixed already, so no second hash).
pub(crate) struct Weights {
    /// (key, weight); key 0 marks an empty slot.
    slots: Vec<(u64, f32)>,
    shift: u32,
    len: usize,
}

impl Weights {
    /// The table of `(key, weight)` entries; a key given twice keeps its
    /// last weight, as a map's insert would.
    pub(crate) fn new(entries: impl IntoIterator<Item = (u64, f32)>) -> Weights {
        let entries: Vec<(u64, f32)> = entries.into_iter().collect();
        let bits = (2 * entries.len()).max(2).next_power_of_two().trailing_zeros();
        let mut w = Weights {
            slots: vec![(0, 0.0); 1 << bits],
            shift: 64 - bits,
            len: 0,
        };
        for (k, v) in entries {
            let i = w.slot(k);
            if w.slots[i].0 == 0 {
                w.len += 1;
            }
            w.slots[i] = (k.max(1), v);
        }
        w
    }

    /// The slot that holds `key`, or the empty one where it would go.
    #[inline(always)]
    fn slot(&self, key: u64) -> usize {
        let key = key.max(1);
        let mask = self.slots.len() - 1;
        let mut i = (key >> self.shift) as usize & mask;
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        i
    }

    #[inline(always)]
    pub(crate) fn get(&self, key: u64) -> Option<f32> {
        let (k, v) = self.slots[self.slot(key)];
        (k != 0).then_some(v)
    }

    /// How many features have a weight.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// Spreads the polynomial's bits (its low bits depend only on the bytes'
/// low bits) before the hash table reads them (MurmurHash3's finaliser).
#[inline(always)]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_of_parts_is_the_key_of_their_text() {
        let k = key(&[part!("k="), Part::new("person"), part!("&p="), part!("B")]);
        assert_eq!(k, key_of("k=person&p=B"));
        assert_ne!(k, key_of("k=person&p=A"));
        assert_ne!(key_of("ab"), key_of("ba"));
        assert_eq!(key(&[part!(""), part!("x")]), key_of("x"));
        let long = "x".repeat(300);
        assert_eq!(
            key(&[part!("null&g:"), Part::new(&long)]),
            key_of(&format!("null&g:{long}"))
        );
        assert_eq!(joined(&[part!("a="), Part::new("b")]), "a=b");
        let j = Joined::of(&[part!("kind="), Part::new("scare"), part!("&n="), part!("5")]);
        assert_eq!(key(&[j.part("")]), key_of("kind=scare&n=5"));
        assert_eq!(key(&[part!("S:"), j.part("")]), key_of("S:kind=scare&n=5"));
        assert_eq!(key(&[Joined::of(&[]).part(""), part!("x")]), key_of("x"));
    }

    #[test]
    fn weights_are_found_by_key_and_missing_ones_are_none() {
        let w = Weights::new((0..1000u32).map(|n| (key_of(&format!("f{n}")), n as f32)));
        assert_eq!(w.len(), 1000);
        for n in 0..1000u32 {
            assert_eq!(w.get(key_of(&format!("f{n}"))), Some(n as f32));
        }
        assert_eq!(w.get(key_of("g1")), None);
        let w = Weights::new([(7, 1.0), (7, 2.0), (0, 3.0)]);
        assert_eq!((w.len(), w.get(7), w.get(0)), (2, Some(2.0), Some(3.0)));
        assert_eq!(Weights::new([]).get(5), None);
    }
}
