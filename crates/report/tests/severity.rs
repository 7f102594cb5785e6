use crosscheck_align::FindingKind as K;
use crosscheck_report::Severity as S;

#[test]
fn severity_table() {
    for k in [K::Attribution, K::Quantity, K::Date] {
        assert_eq!(S::for_kind(k, 0.80), S::High);
        assert_eq!(S::for_kind(k, 0.79), S::Medium);
        assert_eq!(S::for_kind(k, 0.50), S::Medium);
        assert_eq!(S::for_kind(k, 0.49), S::Low);
    }
    for k in [K::QuoteWording, K::SpeakerRole, K::Place] {
        assert_eq!(S::for_kind(k, 1.0), S::Medium);
        assert_eq!(S::for_kind(k, 0.80), S::Medium);
        assert_eq!(S::for_kind(k, 0.79), S::Low);
    }
    assert_eq!(S::for_kind(K::Agreement, 1.0), S::Info);
    assert!(S::Info < S::Low && S::Low < S::Medium && S::Medium < S::High);
    assert_eq!("HIGH".parse::<S>().unwrap(), S::High);
    assert!("urgent".parse::<S>().is_err());
}
