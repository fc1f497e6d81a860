using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Runtime;

/// <summary>
/// Tensor arithmetic with numbers that stay alive until LibTorch has read them. TorchSharp 0.107 passes every number as
/// a <see cref="Scalar"/> whose finalizer frees the native value, and its operators and overloads make temporary ones
/// (<c>a + b</c> passes an alpha of 1, <c>square()</c> an exponent of 2, <c>ToDouble()</c> reads the value through one;
/// <c>t * 2.0</c>, <c>clamp(0, 1)</c> and <c>add_(g, alpha: x)</c> convert the numbers) that nothing references once the native call has started. A garbage collection on another thread can then
/// free the number while LibTorch reads it: the op fails with c10's "Expected false to be true ... toFloat", or reads
/// whatever the memory holds by then. Each method here holds its scalars in a <c>using</c> until the call returns.
/// Upstream: dotnet/TorchSharp pull requests 1434 and 1496 (open). TorchSharp's <c>optim.Adam.step</c> makes them too:
/// <see cref="Training.Adam"/> replaces it.
/// </summary>
public static class HeldScalars
{
    /// <summary><paramref name="a"/> + <paramref name="b"/>.</summary>
    public static Tensor Plus(this Tensor a, Tensor b) => a.PlusScaled(b, 1);

    /// <summary><paramref name="a"/> + <paramref name="alpha"/>·<paramref name="b"/>.</summary>
    public static Tensor PlusScaled(this Tensor a, Tensor b, double alpha)
    {
        using var held = alpha.ToScalar();
        return a.add(b, held);
    }

    /// <summary><paramref name="a"/> += <paramref name="b"/>, in place.</summary>
    public static Tensor PlusInPlace(this Tensor a, Tensor b) => a.PlusScaledInPlace(b, 1);

    /// <summary><paramref name="a"/> += <paramref name="alpha"/>·<paramref name="b"/>, in place.</summary>
    public static Tensor PlusScaledInPlace(this Tensor a, Tensor b, double alpha)
    {
        using var held = alpha.ToScalar();
        return a.add_(b, held);
    }

    /// <summary><paramref name="a"/> += <paramref name="b"/>·<paramref name="c"/> (element-wise), in place.</summary>
    public static Tensor PlusProductInPlace(this Tensor a, Tensor b, Tensor c) => a.PlusProductInPlace(b, c, 1);

    /// <summary><paramref name="a"/> += <paramref name="value"/>·<paramref name="b"/>·<paramref name="c"/> (element-wise), in place.</summary>
    public static Tensor PlusProductInPlace(this Tensor a, Tensor b, Tensor c, double value)
    {
        using var held = value.ToScalar();
        return a.addcmul_(b, c, held);
    }

    /// <summary><paramref name="a"/> += <paramref name="value"/>·<paramref name="b"/>/<paramref name="c"/> (element-wise), in place.</summary>
    public static Tensor PlusQuotientInPlace(this Tensor a, Tensor b, Tensor c, double value)
    {
        using var held = value.ToScalar();
        return a.addcdiv_(b, c, held);
    }

    /// <summary><paramref name="t"/> + <paramref name="value"/>.</summary>
    public static Tensor PlusValue(this Tensor t, double value)
    {
        using var held = value.ToScalar();
        using var one = 1.ToScalar();
        return t.add(held, one);
    }

    /// <summary><paramref name="t"/> += <paramref name="value"/>, in place.</summary>
    public static Tensor PlusValueInPlace(this Tensor t, double value)
    {
        using var held = value.ToScalar();
        using var one = 1.ToScalar();
        return t.add_(held, one);
    }

    /// <summary><paramref name="t"/> *= <paramref name="factor"/>, in place.</summary>
    public static Tensor TimesInPlace(this Tensor t, double factor)
    {
        using var held = factor.ToScalar();
        return t.mul_(held);
    }

    /// <summary><paramref name="t"/>·<paramref name="factor"/>.</summary>
    public static Tensor Times(this Tensor t, double factor)
    {
        using var held = factor.ToScalar();
        return t.mul(held);
    }

    /// <summary><paramref name="t"/>² element-wise (TorchSharp's <c>square()</c> is <c>pow(2)</c> with a temporary 2).</summary>
    public static Tensor Squared(this Tensor t)
    {
        using var two = 2.ToScalar();
        return t.pow(two);
    }

    /// <summary>The value of a one-element tensor as a double (what <c>ToDouble()</c> returns).</summary>
    public static double ReadDouble(this Tensor t)
    {
        using var held = t.ToScalar();
        return held.ToDouble();
    }

    /// <summary><paramref name="t"/> / <paramref name="divisor"/>.</summary>
    public static Tensor DividedBy(this Tensor t, double divisor)
    {
        using var held = divisor.ToScalar();
        return t.div(held);
    }

    /// <summary><paramref name="t"/> /= <paramref name="divisor"/>, in place.</summary>
    public static Tensor DivideInPlace(this Tensor t, double divisor)
    {
        using var held = divisor.ToScalar();
        return t.div_(held);
    }

    /// <summary><paramref name="t"/> clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Tensor Clamped(this Tensor t, double min, double max)
    {
        using var low = min.ToScalar();
        using var high = max.ToScalar();
        return t.clamp(low, high);
    }

    /// <summary><paramref name="t"/> clamped to [<paramref name="min"/>, <paramref name="max"/>], in place.</summary>
    public static Tensor ClampInPlace(this Tensor t, double min, double max)
    {
        using var low = min.ToScalar();
        using var high = max.ToScalar();
        return t.clamp_(low, high);
    }
}
