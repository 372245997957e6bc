//! Findings given lines and columns, and the signals' findings merged into one order: by span,
//! then by signal (the registry's order, that of their codes), then as each signal gave them.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::binary_heap::PeekMut;

use crate::line_index::LineIndex;
use crate::report::Finding;
use crate::signals::RawFinding;
use crate::span::Span;

/// Findings sorted by span (equal spans in the order given), with their lines and columns: one
/// signal's, or all signals' in the registry's order.
pub(crate) fn locate(text: &str, index: &LineIndex, raw: Vec<RawFinding>) -> Vec<Finding> {
    if raw.is_empty() {
        return Vec::new();
    }
    // A finding is large, so its span and place are sorted as one number and each finding is
    // moved once.
    let mut order: Vec<u128> = (raw.iter().zip(0..))
        .map(|(f, i): (&RawFinding, u128)| {
            (u128::from(f.span.start) << 96) | (u128::from(f.span.end) << 64) | i
        })
        .collect();
    if !order.is_sorted() {
        order.sort_unstable();
    }
    let spans: Vec<(usize, usize)> = (order.iter())
        .map(|&key| ((key >> 96) as usize, (key >> 64) as u32 as usize))
        .collect();
    // The starts come in order; the ends are counted on from them.
    let starts: Vec<usize> = spans.iter().map(|&(start, _)| start).collect();
    let starts = index.positions(text, &starts);
    let ends = index.end_positions(text, &spans, &starts);
    let mut raw: Vec<Option<RawFinding>> = raw.into_iter().map(Some).collect();
    // Every finding is taken once; collecting from `filter_map` would grow the vector instead.
    let mut located = Vec::with_capacity(order.len());
    for ((&key, start), end) in order.iter().zip(starts).zip(ends) {
        if let Some(f) = raw[key as u64 as usize].take() {
            located.push(Finding {
                code: f.code.into(),
                name: f.name.into(),
                message: f.message,
                severity: f.severity,
                span: f.span,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                suggestion: f.suggestion,
            });
        }
    }
    located
}

/// Merges the signals' located findings, given in the registry's order and each sorted by
/// span, into one list: by span, then by signal, then as each signal gave them.
pub(crate) fn merge(lists: Vec<Vec<Finding>>) -> Vec<Finding> {
    let total = lists.iter().map(Vec::len).sum();
    let mut lists: Vec<_> = (lists.into_iter())
        .filter(|list| !list.is_empty())
        .map(|list| list.into_iter().peekable())
        .collect();
    if lists.len() <= 1 {
        return lists.pop().map(Iterator::collect).unwrap_or_default();
    }
    // The next finding of each list, keyed by its span and then the list's place.
    let mut next: BinaryHeap<Reverse<(Span, usize)>> = (lists.iter_mut().enumerate())
        .filter_map(|(i, list)| list.peek().map(|f| Reverse((f.span, i))))
        .collect();
    let mut merged = Vec::with_capacity(total);
    while let Some(mut first) = next.peek_mut() {
        let i = first.0.1;
        merged.extend(lists[i].next());
        match lists[i].peek() {
            Some(f) => *first = Reverse((f.span, i)),
            None => {
                PeekMut::pop(first);
            }
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Severity;

    fn finding(code: &'static str, start: usize, end: usize, message: &str) -> RawFinding {
        RawFinding {
            code,
            name: "test",
            span: Span::new(start, end),
            severity: Severity::Info,
            message: message.to_string(),
            suggestion: None,
        }
    }

    fn messages(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.message.as_str()).collect()
    }

    #[test]
    fn findings_come_by_span_then_signal_then_as_their_signal_gave_them() {
        let text = "abc\nefghi";
        let index = LineIndex::new(text);
        // As the scorer gathers them: signal by signal, in the registry's order of codes.
        let signals = [
            vec![
                finding("WS101", 4, 9, "a"),
                finding("WS101", 0, 3, "b"),
                finding("WS101", 4, 9, "c"),
            ],
            vec![],
            vec![finding("WS201", 4, 9, "d"), finding("WS201", 0, 2, "e")],
            vec![finding("WS301", 0, 3, "f"), finding("WS301", 4, 6, "g")],
        ];
        let located: Vec<Vec<Finding>> = (signals.into_iter())
            .map(|raw| locate(text, &index, raw))
            .collect();
        assert_eq!(messages(&located[0]), ["b", "a", "c"]);
        let merged = merge(located);
        assert_eq!(messages(&merged), ["e", "b", "f", "g", "a", "c", "d"]);
        let places: Vec<_> = merged
            .iter()
            .map(|f| (f.line, f.column, f.end_line, f.end_column))
            .collect();
        assert_eq!(places[1], (1, 1, 1, 4));
        assert_eq!(places[6], (2, 1, 2, 6));
    }

    #[test]
    fn one_list_or_none_merge_to_themselves() {
        let text = "abc";
        let index = LineIndex::new(text);
        let one = locate(text, &index, vec![finding("WS101", 1, 2, "x")]);
        assert_eq!(messages(&merge(vec![vec![], one, vec![]])), ["x"]);
        assert!(merge(vec![vec![], vec![]]).is_empty());
        assert!(merge(Vec::new()).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn merging_gives_the_order_and_places_of_one_stable_sort(
            spans in proptest::collection::vec(
                proptest::collection::vec((0usize..12, 0usize..4), 0..12), 0..6),
        ) {
            let text = "ab\ncd\nef\ngh";
            let index = LineIndex::new(text);
            let raw: Vec<Vec<RawFinding>> = (spans.iter().enumerate())
                .map(|(signal, spans)| {
                    (spans.iter().enumerate())
                        .map(|(i, &(start, len))| {
                            finding("WS101", start, start + len, &format!("{signal}.{i}"))
                        })
                        .collect()
                })
                .collect();
            let mut expected: Vec<(Span, usize, String)> = (raw.iter().enumerate())
                .flat_map(|(signal, list)| {
                    list.iter().map(move |f| (f.span, signal, f.message.clone()))
                })
                .collect();
            expected.sort_by_key(|&(span, signal, _)| (span, signal));
            // As a text scored on one thread is located: all signals' findings in one pass.
            let one_pass = locate(text, &index, raw.concat());
            let merged = merge(raw.into_iter().map(|r| locate(text, &index, r)).collect());
            let expected: Vec<&str> = expected.iter().map(|(_, _, m)| m.as_str()).collect();
            proptest::prop_assert_eq!(messages(&merged), expected);
            proptest::prop_assert_eq!(merged, one_pass);
        }
    }
}
