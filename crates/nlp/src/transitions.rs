//! The two transition systems of the model and their greedy decoders: the
//! arc-eager dependency parser (with spaCy's pseudo-projective decoding and
//! sentence starts) and the BILUO entity recognizer (PORTING.md §1.4, §6).
//!
//! The networks are not here: each step hands the state's context token
//! indices to a scoring callback and reads back one score per class. That
//! keeps the decoders testable on recorded scores, and keeps them the same
//! code whatever computes the scores.
//!
//! Token indices are doc-local. In the features, `-1` means "no token", as
//! in spaCy.

mod arc_eager;
mod moves;
mod ner;
mod nonproj;

pub(crate) use arc_eager::N_FEATURES as PARSER_FEATURES;
pub use arc_eager::{parse, Parse};
pub use moves::Moves;
pub use ner::recognize;
pub(crate) use ner::N_FEATURES as NER_FEATURES;

/// The label a token without a head gets (spaCy's `root_label`).
const ROOT_LABEL: &str = "ROOT";

/// `arg_max_if_valid` (`parser_model.pyx`): the best-scoring valid class,
/// with strict `>` so that the lowest index wins ties. A NaN never beats
/// anything and, once chosen as the first valid class, is never beaten,
/// exactly as the C comparison behaves. `None` when no class is valid.
fn arg_max_if_valid(scores: &[f32], mut is_valid: impl FnMut(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &score) in scores.iter().enumerate() {
        if !is_valid(i) {
            continue;
        }
        let better = match best {
            None => true,
            Some(b) => score > scores[b],
        };
        if better {
            best = Some(i);
        }
    }
    best
}

/// Whether token `i` is whitespace; a short `is_space` slice counts the
/// missing tokens as not whitespace, so a caller's length mistake cannot
/// make the decoders panic.
fn space_at(is_space: &[bool], i: usize) -> bool {
    is_space.get(i).copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argmax_prefers_the_first_of_equal_scores() {
        assert_eq!(arg_max_if_valid(&[1.0, 3.0, 3.0], |_| true), Some(1));
        assert_eq!(arg_max_if_valid(&[1.0, 3.0, 3.0], |i| i != 1), Some(2));
        assert_eq!(arg_max_if_valid(&[1.0, 3.0], |_| false), None);
    }

    #[test]
    fn argmax_treats_nan_like_the_c_comparison() {
        // A NaN first is kept: nothing compares greater than it.
        assert_eq!(
            arg_max_if_valid(&[f32::NAN, 5.0, f32::INFINITY], |_| true),
            Some(0)
        );
        // A NaN later never wins.
        assert_eq!(
            arg_max_if_valid(&[f32::NEG_INFINITY, f32::NAN], |_| true),
            Some(0)
        );
    }
}
