//! The one place that calls `matrixmultiply::sgemm`, which does the batched
//! products of PORTING.md §4 and §6 (most of the cost, §8). Every caller
//! passes slices; the bounds are checked here, so the unsafe call cannot
//! read or write outside them.

/// A left-hand matrix of `rows × depth` read from `data` with the given row
/// stride and unit column stride. Rows may overlap: the encoder reads its
/// sliding window (`seq2col`) this way without copying it out.
pub(crate) struct Lhs<'a> {
    pub data: &'a [f32],
    pub rows: usize,
    pub depth: usize,
    pub row_stride: usize,
}

/// `out (rows × cols) = lhs (rows × depth) · rhs (depth × cols)`, with `rhs`
/// and `out` dense and row-major. `out` is overwritten, not accumulated.
///
/// # Panics
/// If a slice is shorter than its shape needs: that is a bug in this module,
/// never a property of the input.
pub(crate) fn matmul(lhs: Lhs<'_>, rhs: &[f32], cols: usize, out: &mut [f32]) {
    let Lhs {
        data,
        rows,
        depth,
        row_stride,
    } = lhs;
    if rows == 0 || cols == 0 {
        return;
    }
    assert!(depth > 0 && row_stride > 0, "empty inner dimension");
    assert!(
        (rows - 1) * row_stride + depth <= data.len(),
        "left matrix out of bounds"
    );
    assert!(depth * cols <= rhs.len(), "right matrix out of bounds");
    assert!(rows * cols <= out.len(), "output matrix out of bounds");
    let stride = |n: usize| isize::try_from(n).expect("matrix stride fits isize");
    // SAFETY: the asserts above keep every element the product touches inside
    // the three slices; `out` is a unique borrow, so it aliases neither input.
    unsafe {
        matrixmultiply::sgemm(
            rows,
            depth,
            cols,
            1.0,
            data.as_ptr(),
            stride(row_stride),
            1,
            rhs.as_ptr(),
            stride(cols),
            1,
            0.0,
            out.as_mut_ptr(),
            stride(cols),
            1,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(
        a: &[f32],
        rows: usize,
        depth: usize,
        stride: usize,
        b: &[f32],
        cols: usize,
    ) -> Vec<f32> {
        let mut out = vec![0.0; rows * cols];
        for r in 0..rows {
            for c in 0..cols {
                out[r * cols + c] = (0..depth)
                    .map(|k| a[r * stride + k] * b[k * cols + c])
                    .sum();
            }
        }
        out
    }

    #[test]
    fn overlapping_rows_give_the_sliding_window_product() {
        let a: Vec<f32> = (0..40).map(|i| (i as f32 * 0.37).sin()).collect();
        let b: Vec<f32> = (0..12 * 5).map(|i| (i as f32 * 0.11).cos()).collect();
        // 8 rows of depth 12 that start 4 apart: each row shares 8 values with the next.
        let mut out = vec![0.0; 8 * 5];
        let lhs = Lhs {
            data: &a,
            rows: 8,
            depth: 12,
            row_stride: 4,
        };
        matmul(lhs, &b, 5, &mut out);
        let expected = naive(&a, 8, 12, 4, &b, 5);
        for (x, y) in out.iter().zip(&expected) {
            assert!((x - y).abs() < 1e-5);
        }
    }
}
