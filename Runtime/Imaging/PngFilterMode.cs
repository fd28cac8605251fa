namespace NeuralPost.Imaging;

/// <summary>How <see cref="PngEncoder"/> chooses the scanline filter of each row.</summary>
public enum PngFilterMode
{
    /// <summary>Every row unfiltered (filter type 0).</summary>
    None = 0,

    /// <summary>Every row uses Sub (type 1): difference to the pixel on the left.</summary>
    Sub = 1,

    /// <summary>Every row uses Up (type 2): difference to the pixel above.</summary>
    Up = 2,

    /// <summary>Every row uses Average (type 3): difference to the mean of left and above.</summary>
    Average = 3,

    /// <summary>Every row uses Paeth (type 4): difference to the Paeth predictor.</summary>
    Paeth = 4,

    /// <summary>
    /// Per row, the filter whose output has the smallest sum of absolute values of its bytes read as signed;
    /// ties go to the lower filter type. This is the heuristic the PNG specification recommends.
    /// </summary>
    Adaptive = 5,
}
