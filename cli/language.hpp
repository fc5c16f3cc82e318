#pragma once
// The interface language is chosen before the commands are registered, because their help texts
// are translated as they are registered.
namespace infotally::cli {

// Sets the language from --lang X or --lang=X anywhere on the command line (before a "--"), else
// from the environment (LC_ALL, LC_MESSAGES, LANG). An unknown --lang is a UsageError, reported
// in the environment's language.
void choose_language(int argc, char** argv);

}  // namespace infotally::cli
