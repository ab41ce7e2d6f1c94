// ferroscope-cli: command-line front end; all logic lives in cli::run (app/cli/cli.cpp).
#include "app/cli/cli.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);   // Qt resources (the built-in model) and file APIs
    std::vector<std::string> args(argv + 1, argv + argc);
    std::ios::sync_with_stdio(false);
    const int rc = ferroscope::cli::run(args, std::cout, std::cerr);
    std::cout.flush();
    return rc;
}
