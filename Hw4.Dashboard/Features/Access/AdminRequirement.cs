using Microsoft.AspNetCore.Authorization;

namespace Hw4.Dashboard.Features.Access;

/// <summary>The "Admin" policy's requirement, met when <see cref="AccessPolicy"/> grants admin.</summary>
public sealed class AdminRequirement : IAuthorizationRequirement;
