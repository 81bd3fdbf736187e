import Testing
@testable import RedisDoctorCore

@Test func clientList72FullLine() {
    let clients = ClientList.parse(Fixtures.bytes("redis-7.2.6-localbuild-clientlist.txt"))
    let blocked = clients.first { $0.id == 6 }
    #expect(blocked?.addr == "127.0.0.1:53694")
    #expect(blocked?.host == "127.0.0.1" && blocked?.port == 53694)
    #expect(blocked?.laddr == "127.0.0.1:17090")
    #expect(blocked?.fd == 11 && blocked?.name == "blocked-client")
    #expect(blocked?.age == 8 && blocked?.idle == 8)
    #expect(blocked?.hasFlag("b") == true && blocked?.hasFlag("S") == false)
    #expect(blocked?.db == 0 && blocked?.sub == 0 && blocked?.psub == 0 && blocked?.multi == -1)
    #expect(blocked?.qbuf == 0 && blocked?.obl == 0 && blocked?.oll == 0 && blocked?.omem == 0)
    #expect(blocked?.totMem == 1967 && blocked?.cmd == "blpop" && blocked?.user == "default")
    #expect(blocked?.libName == "" && blocked?.libVer == "")
    #expect(blocked?.otherValue("events") == "r" && blocked?.otherValue("qbuf-free") == "0")
    let replica = clients.first { $0.id == 4 }
    #expect(replica?.host == "::1" && replica?.port == 34628 && replica?.omem == 20504)
    #expect(clients.contains { $0.cmd == "client|list" })
}

@Test func clientList24LacksNewFields() {
    let clients = ClientList.parse(Fixtures.bytes("redis-2.4.18-localbuild-clientlist.txt"))
    #expect(clients.count == 6)
    #expect(clients.allSatisfy { $0.id == nil && $0.age == nil && $0.name == nil && $0.multi == nil })
    #expect(clients[0].addr == "127.0.0.1:38978" && clients[0].fd == 6 && clients[0].hasFlag("S"))
    #expect(clients[3].sub == 2 && clients[3].cmd == "subscribe")
}

@Test func azureIPv6WithoutBrackets() {
    let clients = ClientList.parse(Fixtures.bytes("azure-cache-6.0.14-redis_exporter-clientinfo.txt"))
    #expect(clients.count == 1)
    let c = clients[0]
    #expect(c.id == 40253233)
    #expect(c.host == "fd40:1481:21:dbe0:7021:300:a03:1a06" && c.port == 44426)
    #expect(c.name == "" && c.libName == "redis-py" && c.libVer == "5.0.1")
    #expect(c.otherValue("numops") == "9" && c.otherValue("ow") == "0")
}

@Test func oddNameKeepsEqualsColonComma() {
    let clients = ClientList.parse(Fixtures.bytes("redis-6.2.16-localbuild-clientlist.txt"))
    let odd = clients.first { $0.name?.hasPrefix("odd") == true }
    #expect(odd?.name == "odd=name:with,chars")
    #expect(odd?.host == "::1")
}

@Test func unixSocketAndEdgeTokens() {
    let text = "id=1 addr=/srv/run/m.sock:0 laddr=/srv/run/m.sock:0 fd=8 name= flags=U db=3 dummy  cmd=NULL\r\nid=2 addr=[::1]:6000 fd=x\n\n"
    let clients = ClientList.parse(text)
    #expect(clients.count == 2)
    #expect(clients[0].isUnixSocket && clients[0].host == "/srv/run/m.sock" && clients[0].port == 0)
    #expect(clients[0].name == "" && clients[0].db == 3 && clients[0].cmd == "NULL")
    #expect(clients[0].other.isEmpty, "tokens without '=' are skipped")
    #expect(clients[1].host == "::1" && clients[1].port == 6000)
    #expect(clients[1].fd == nil, "non-numeric value is nil, not a crash")
    #expect(ClientList.parse("").isEmpty)
}

@Test func unixClientInCorpus() {
    let clients = ClientList.parse(Fixtures.bytes("redis-7.2.6-localbuild-clientlist.txt"))
    #expect(clients.contains { $0.isUnixSocket && $0.port == 0 && $0.db == 3 && $0.hasFlag("U") })
}

/// Entries store ranges into the shared reply; assigning a property must still
/// behave like a plain stored property, and leave other entries untouched.
@Test func assignedPropertiesOverrideParsedValues() {
    var clients = ClientList.parse("id=1 addr=10.0.0.1:7 name=a flags=N idle=5 events=r\nid=2 addr=[::1]:8 name=b flags=b\n")
    clients[0].name = "renamed"
    clients[0].addr = "/tmp/s.sock:0"
    clients[0].idle = nil
    clients[0].flags = nil
    clients[0].cmd = "get"
    clients[0].totMem = 42
    #expect(clients[0].name == "renamed" && clients[0].host == "/tmp/s.sock" && clients[0].isUnixSocket)
    #expect(clients[0].idle == nil && clients[0].flags == nil && !clients[0].hasFlag("N"))
    #expect(clients[0].cmd == "get" && clients[0].totMem == 42 && clients[0].id == 1)
    #expect(clients[0].line == "id=1 addr=10.0.0.1:7 name=a flags=N idle=5 events=r")
    #expect(clients[0].otherValue("events") == "r")
    clients[0].line = "x=1 y=2"
    #expect(clients[0].line == "x=1 y=2" && clients[0].otherValue("y") == "2" && clients[0].name == "renamed")
    #expect(clients[1].name == "b" && clients[1].host == "::1" && clients[1].port == 8 && clients[1].hasFlag("b"))
    #expect(clients[1].other.isEmpty && clients[1].line == "id=2 addr=[::1]:8 name=b flags=b")

    var blank = ClientEntry()
    #expect(blank.id == nil && blank.addr == nil && blank.host == nil && blank.line == "" && blank.other.isEmpty)
    blank.addr = "1.2.3.4:+5"
    blank.flags = "xb"
    #expect(blank.host == "1.2.3.4" && blank.port == 5 && blank.hasFlag("b"))
}

@Test func nonASCIIFlagsFallBackToCharacters() {
    // 'N' followed by a combining accent is one Character, so it is not the flag "N".
    let clients = ClientList.parse(Array("id=1 flags=N\u{301}b\n".utf8))
    #expect(clients[0].hasFlag("b") && !clients[0].hasFlag("N"))
}
