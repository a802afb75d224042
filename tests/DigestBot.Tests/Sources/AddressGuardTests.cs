using System.Net;
using DigestBot.Sources;

namespace DigestBot.Tests.Sources;

/// <summary>Which addresses a feed or page may sit on unless <c>Sources:AllowPrivateAddresses</c> says otherwise.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("93.184.216.34", true)]
    [InlineData("195.210.46.21", true)]
    [InlineData("2a00:1450:4001:82b::200e", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:93.184.216.34", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("64:ff9b::5db8:d822", true)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2002:5db8:d822::1", true)]
    [InlineData("2001:0:4136:e378::1", false)]
    [InlineData("::7f00:1", false)]
    public void Only_public_addresses_are_let_through(string address, bool isPublic)
    {
        AddressGuard.IsPublic(IPAddress.Parse(address)).Should().Be(isPublic);
    }
}
