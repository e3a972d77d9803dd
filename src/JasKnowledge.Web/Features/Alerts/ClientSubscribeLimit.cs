using JasKnowledge.Web.Hosting.Http;
using Microsoft.Extensions.Options;

namespace JasKnowledge.Web.Features.Alerts;

/// <summary>Subscription requests per client address, on each node (Jas:Alerts:RequestsPerClientPer10Minutes).</summary>
public sealed class ClientSubscribeLimit(IOptions<AlertOptions> options)
    : ClientRequestLimit(options.Value.RequestsPerClientPer10Minutes, TimeSpan.FromMinutes(10));
