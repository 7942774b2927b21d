namespace TensorLab;

/// <summary>Principal component analysis, for drawing high-dimensional vectors on a 2-D plot.</summary>
/// <remarks>
/// Centre the columns, form the covariance C = XᵀX/(n−1) in double, take its top eigenvectors by power iteration
/// with deflation, and project. Each component's sign is fixed so its largest-magnitude entry is positive, so plots
/// do not flip between runs. PyTorch equivalent: <c>torch.pca_lowrank</c>; scikit-learn's <c>PCA(n_components)</c>.
/// </remarks>
public static class Pca
{
    private const int Iterations = 500;

    /// <summary>Projects the rows of <paramref name="data"/> [n, D] onto their top principal components.</summary>
    /// <param name="data">The points, one per row; n ≥ 1.</param>
    /// <param name="components">How many components, 1 ≤ components ≤ D (default 2).</param>
    /// <returns>The projected points, [n, components].</returns>
    /// <exception cref="ArgumentException">The data is not rank 2 or has no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is outside [1, D].</exception>
    public static Tensor Project(Tensor data, int components = 2)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rank != 2 || data.Shape[0] == 0)
        {
            ThrowHelper.Shape(nameof(data), $"Expected [points, dim] with at least one point, found {data.ShapeText}.");
        }

        var (n, dim) = (data.Shape[0], data.Shape[1]);
        if (components < 1 || components > dim)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"components must be in [1, {dim}].");
        }

        var centred = Centre(data, n, dim);
        var covariance = Covariance(centred, n, dim);
        var result = Tensor.Zeros(n, components);
        var random = new Random(0);
        for (var c = 0; c < components; c++)
        {
            var (vector, value) = TopEigenvector(covariance, dim, random);
            FixSign(vector);
            for (var i = 0; i < n; i++)
            {
                double projection = 0;
                for (var j = 0; j < dim; j++)
                {
                    projection += centred[i * dim + j] * vector[j];
                }

                result[i, c] = (float)projection;
            }

            // Deflate: remove this component so the next power iteration finds the following one.
            for (var i = 0; i < dim; i++)
            {
                for (var j = 0; j < dim; j++)
                {
                    covariance[i * dim + j] -= value * vector[i] * vector[j];
                }
            }
        }

        return result;
    }

    private static double[] Centre(Tensor data, int n, int dim)
    {
        var centred = new double[n * dim];
        for (var j = 0; j < dim; j++)
        {
            double mean = 0;
            for (var i = 0; i < n; i++)
            {
                mean += data[i, j];
            }

            mean /= n;
            for (var i = 0; i < n; i++)
            {
                centred[i * dim + j] = data[i, j] - mean;
            }
        }

        return centred;
    }

    private static double[] Covariance(double[] centred, int n, int dim)
    {
        var covariance = new double[dim * dim];
        var scale = 1.0 / Math.Max(1, n - 1);
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < dim; a++)
            {
                var x = centred[i * dim + a] * scale;
                for (var b = 0; b < dim; b++)
                {
                    covariance[a * dim + b] += x * centred[i * dim + b];
                }
            }
        }

        return covariance;
    }

    private static (double[] Vector, double Value) TopEigenvector(double[] matrix, int dim, Random random)
    {
        var vector = Enumerable.Range(0, dim).Select(_ => random.NextDouble() + 0.1).ToArray();
        Normalize(vector);
        var next = new double[dim];
        double value = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var i = 0; i < dim; i++)
            {
                double sum = 0;
                for (var j = 0; j < dim; j++)
                {
                    sum += matrix[i * dim + j] * vector[j];
                }

                next[i] = sum;
            }

            value = Normalize(next);
            if (value == 0)
            {
                break;
            }

            (vector, next) = (next, vector);
        }

        return (vector, value);
    }

    private static double Normalize(double[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(x => x * x));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return norm;
    }

    private static void FixSign(double[] vector)
    {
        var largest = vector.MaxBy(Math.Abs);
        if (largest < 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = -vector[i];
            }
        }
    }
}
