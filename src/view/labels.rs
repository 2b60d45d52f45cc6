//! Label placement without collisions: a greedy pass in priority order that
//! keeps a label only if its box overlaps no label already placed.

use crate::geometry::projection::{ScreenPoint, ScreenRect};

/// A label the map would like to draw, centred on `center`.
#[derive(Clone, Copy, Debug)]
pub struct LabelCandidate {
    pub center: ScreenPoint,
    pub width: f32,
    pub height: f32,
    /// Higher goes first (markers beat countries beat regions).
    pub priority: i32,
    /// Candidates of one group are alternative positions of one label: at
    /// most one of them is placed.
    pub group: usize,
}

impl LabelCandidate {
    fn rect(&self, padding: f32) -> ScreenRect {
        ScreenRect {
            min: ScreenPoint {
                x: self.center.x - self.width / 2.0 - padding,
                y: self.center.y - self.height / 2.0 - padding,
            },
            max: ScreenPoint {
                x: self.center.x + self.width / 2.0 + padding,
                y: self.center.y + self.height / 2.0 + padding,
            },
        }
    }
}

fn overlaps(a: &ScreenRect, b: &ScreenRect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

/// Indices of the candidates to draw. Ties keep input order, so the result is
/// stable from frame to frame and labels do not flicker.
#[must_use]
pub fn place_labels(candidates: &[LabelCandidate], padding: f32) -> Vec<usize> {
    place_labels_avoiding(candidates, padding, &[])
}

/// [`place_labels`], with no label overlapping any of `obstacles` (the
/// map's badges).
#[must_use]
pub fn place_labels_avoiding(
    candidates: &[LabelCandidate],
    padding: f32,
    obstacles: &[ScreenRect],
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(candidates[i].priority));
    let mut placed: Vec<(usize, ScreenRect)> = Vec::new();
    for i in order {
        if placed
            .iter()
            .any(|&(j, _)| candidates[j].group == candidates[i].group)
        {
            continue;
        }
        let rect = candidates[i].rect(padding);
        if placed.iter().all(|(_, other)| !overlaps(&rect, other))
            && obstacles.iter().all(|o| !overlaps(&rect, o))
        {
            placed.push((i, rect));
        }
    }
    placed.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(x: f32, y: f32, priority: i32) -> LabelCandidate {
        LabelCandidate {
            center: ScreenPoint { x, y },
            width: 60.0,
            height: 14.0,
            priority,
            group: (x.to_bits() as usize) ^ (y.to_bits() as usize),
        }
    }

    #[test]
    fn a_label_blocked_on_one_side_takes_its_alternative_and_only_one() {
        let blocker = label(100.0, 100.0, 10);
        let right = LabelCandidate {
            group: 7,
            ..label(110.0, 100.0, 5)
        };
        let left = LabelCandidate {
            group: 7,
            ..label(20.0, 100.0, 4)
        };
        let far_right = LabelCandidate {
            group: 7,
            ..label(300.0, 100.0, 3)
        };
        let placed = place_labels(&[blocker, right, left, far_right], 1.0);
        assert_eq!(placed, vec![0, 2]);
    }

    #[test]
    fn overlapping_labels_keep_the_more_important() {
        let placed = place_labels(
            &[
                label(100.0, 100.0, 1),
                label(120.0, 104.0, 5),
                label(400.0, 100.0, 0),
            ],
            2.0,
        );
        assert_eq!(placed, vec![1, 2]);
    }

    #[test]
    fn no_two_placed_labels_overlap() {
        let candidates: Vec<_> = (0..200)
            .map(|i| label((i * 37 % 500) as f32, (i * 53 % 300) as f32, i % 7))
            .collect();
        let placed = place_labels(&candidates, 1.0);
        assert!(!placed.is_empty());
        for (n, &a) in placed.iter().enumerate() {
            for &b in &placed[n + 1..] {
                assert!(
                    !overlaps(&candidates[a].rect(1.0), &candidates[b].rect(1.0)),
                    "{a} and {b} overlap"
                );
            }
        }
    }
}
