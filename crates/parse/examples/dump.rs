//! Prints what the extractors find in a plain-text article: `cargo run -p crosscheck-parse --example dump -- FILE [YYYY-MM-DD]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: dump FILE [YYYY-MM-DD]");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let published = args.next().and_then(|d| d.parse().ok());
    let x = crosscheck_parse::extract(crosscheck_parse::Article {
        id: path,
        text,
        published,
        ..Default::default()
    });
    for e in &x.entities {
        let roles: Vec<&str> = e.roles.iter().map(|r| r.text.as_str()).collect();
        println!(
            "ENTITY {:?} {} aliases={:?} roles={:?} mentions={}",
            e.kind,
            e.name,
            e.aliases,
            roles,
            e.mentions.len()
        );
    }
    for q in &x.quotes {
        println!(
            "QUOTE {:?} {:?} speaker={:?} via={:?} cue={:?} cont={:?}\n   {}",
            q.kind, q.span, q.speaker, q.attribution, q.cue, q.continues, q.text
        );
    }
    for d in &x.dates {
        println!(
            "DATE {:?} {:?} {:?} {:?}",
            d.text, d.value, d.granularity, d.reason
        );
    }
    for q in &x.quantities {
        println!(
            "QTY {:?} {} {:?} {:?}",
            q.text, q.value, q.qualifier, q.unit
        );
    }
}
