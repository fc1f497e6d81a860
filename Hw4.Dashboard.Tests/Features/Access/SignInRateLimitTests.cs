using System.Net;
using Hw4.Dashboard.Tests.Hosting;

namespace Hw4.Dashboard.Tests.Features.Access;

/// <summary>Guessing the password is slowed down: past the allowed attempts a minute, sign-in answers 429.</summary>
[Collection(HostingCollection.Name)]
public sealed class SignInRateLimitTests(RateLimitedAuthWebApplicationFactory factory) : IClassFixture<RateLimitedAuthWebApplicationFactory>
{
    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_RateLimited429EvenForTheRightOne()
    {
        using var client = factory.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedAuthWebApplicationFactory.Attempts; i++)
        {
            using var wrong = await AuthWebApplicationFactory.SignInAsync(client, $"guess {i}");
            statuses.Add(wrong.StatusCode);
        }

        using var limited = await AuthWebApplicationFactory.SignInAsync(client, "guess again");
        using var right = await AuthWebApplicationFactory.SignInAsync(client, AuthWebApplicationFactory.Password);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many sign-in attempts", await limited.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter is not null || right.Headers.Contains("Retry-After"));
    }
}
