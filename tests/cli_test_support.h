// Shared helpers for the CLI tests: run ferroscope-cli in-process and check the error contract
// (non-zero exit, exactly one line on stderr naming the problem, nothing on stdout).
#pragma once

#include "app/cli/cli.h"

#include <QString>
#include <QStringList>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

namespace clitest {

struct Run {
    int rc = -1;
    std::string out, err;
};

inline Run cli(const QStringList &args)
{
    std::vector<std::string> a;
    for (const auto &s : args) a.push_back(s.toStdString());
    std::ostringstream out, err;
    Run r;
    r.rc = ferroscope::cli::run(a, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

inline void expectError(const Run &r, const QString &needle)
{
    QVERIFY2(r.rc != 0, r.out.c_str());
    const QString err = QString::fromStdString(r.err);
    QVERIFY2(err.contains(needle), qPrintable("stderr was: " + err));
    QCOMPARE(err.count('\n'), 1);
    QVERIFY2(r.out.empty(), r.out.c_str());
}

}  // namespace clitest
