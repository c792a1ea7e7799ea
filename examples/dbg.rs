fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let a = factsheet::analyze_text("x", &text, &Default::default());
    for e in &a.roster.entities {
        println!(
            "{:?} {:?} {:?}",
            e.name,
            e.gender,
            e.mentions.iter().map(|m| m.start).collect::<Vec<_>>()
        );
    }
    println!("{:?}", a.roster.debug_subjects());
}
