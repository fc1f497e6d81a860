namespace Hw4.Dashboard.Features.Access;

/// <summary>What <see cref="PageAccess.Decide"/> says about opening a page.</summary>
public enum PageDecision
{
    /// <summary>Show it.</summary>
    Allow,

    /// <summary>Send the user to the sign-in page (anonymous on a server that needs sign-in).</summary>
    SignIn,

    /// <summary>Answer "not found" (a viewer outside what the link names).</summary>
    NotFound,
}
