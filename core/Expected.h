#pragma once

#include "Failure.h"

#include <utility>
#include <variant>

// The result of a call that makes something or refuses: the value, or what says why not, a
// Failure unless the caller's protocol has its own answer (a face's helper may give back the
// reply to send instead, docs/decisions.md#91). A small stand-in for C++23's std::expected, which
// the compilers qbmc builds with do not all offer.
template <typename T, typename E = Failure>
class [[nodiscard]] Expected
{
public:
    Expected(T value)
        : m_content(std::in_place_index<0>, std::move(value))
    {
    }
    Expected(E failure)
        : m_content(std::in_place_index<1>, std::move(failure))
    {
    }

    bool hasValue() const { return m_content.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const & { return std::get<0>(m_content); }
    T &value() & { return std::get<0>(m_content); }
    T &&value() && { return std::get<0>(std::move(m_content)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &failure() const { return std::get<1>(m_content); }

private:
    std::variant<T, E> m_content;
};
