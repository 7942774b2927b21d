namespace TensorLab;

/// <summary>Progress of <see cref="SkipGram.Train"/> after one epoch.</summary>
/// <param name="Epoch">The epoch just finished, from 1.</param>
/// <param name="Epochs">The total number of epochs.</param>
/// <param name="MeanLoss">Mean negative-sampling loss per true pair in this epoch.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record EpochReport(int Epoch, int Epochs, double MeanLoss, TimeSpan Elapsed);
