#include "core/sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace ferroscope::core {

namespace {

/// Value of a relation just after its root function crossed zero in direction dir.
bool afterCrossing(expr::Op op, int dir)
{
    switch (op) {
    case expr::Op::Gt:
    case expr::Op::Ge: return dir > 0;
    case expr::Op::Lt:
    case expr::Op::Le: return dir < 0;
    case expr::Op::Eq: return true;    // equal at the crossing instant
    case expr::Op::Ne: return false;
    default: return false;
    }
}

struct Pending {
    std::size_t event = 0;
    double time = 0;
    long sequence = 0;
    bool haveValues = false;
    std::vector<double> values;
};

}  // namespace

/// One run's mutable state: time, state vector, parameters, relation values, event queue.
struct Simulator::Run {
    Simulator &sim;
    const CompiledModel &m;
    const SimulationRequest &req;
    const expr::Tape *observer;
    SimulationResult result;
    std::vector<double> p, y, ytmp, g, leaves, obsWork, rootWork, trigWork, evWork, volWork;
    std::vector<double> triggerValues, eventValues, volumes, obsOut;
    std::vector<char> relations, prevTrigger;
    std::vector<Pending> pending;
    std::vector<ParameterChange> schedule;
    std::size_t nextChange = 0, nextOutput = 0;
    long sequence = 0;
    double t = 0, eps = 0;
    int outputs = 0;

    Run(Simulator &s, const std::vector<double> &params, const SimulationRequest &r, const expr::Tape *obs)
        : sim(s), m(*s.m_model), req(r), observer(obs), p(params)
    {
        const auto n = m.stateCount();
        y.assign(n, 0);
        ytmp.assign(n, 0);
        g.assign(m.relationCount(), 0);
        leaves.assign(m.leafCount(), 0);
        rootWork = m.rootTape.makeWorkspace();
        trigWork = m.triggerTape.makeWorkspace();
        evWork = m.eventTape.makeWorkspace();
        volWork = m.volumeTape.makeWorkspace();
        triggerValues.assign(m.triggerTape.outputCount(), 0);
        eventValues.assign(m.eventTape.outputCount(), 0);
        volumes.assign(m.volumeTape.outputCount(), 1);
        relations.assign(m.relationCount(), 0);
        prevTrigger.assign(m.events.size(), 0);
        if (observer) {
            obsWork = observer->makeWorkspace();
            obsOut.assign(observer->outputCount(), 0);
            result.columns = observer->outputCount();
        }
        schedule = req.schedule;
        std::stable_sort(schedule.begin(), schedule.end(),
                         [](const ParameterChange &a, const ParameterChange &b) { return a.time < b.time; });
        for (const auto &c : schedule)
            if (c.parameter >= p.size()) throw SolverError("scheduled change of an unknown parameter");
        outputs = std::max(0, req.steps);
        result.times.reserve(std::size_t(outputs) + 1);
        if (observer) result.values.reserve((std::size_t(outputs) + 1) * observer->outputCount());
        eps = 1e-12 * std::max({1.0, std::fabs(req.start), std::fabs(req.end)});
    }

    double outputTime(int i) const
    {
        if (outputs == 0) return req.end;
        if (i == outputs) return req.end;
        return req.start + (req.end - req.start) * double(i) / double(outputs);
    }

    void fillLeaves(double time, const double *state)
    {
        leaves[0] = time;
        std::memcpy(leaves.data() + 1, state, sizeof(double) * m.stateCount());
        if (!paramsInLeaves) {   // the table only changes at switch times
            std::memcpy(leaves.data() + 1 + m.stateCount(), p.data(), sizeof(double) * p.size());
            paramsInLeaves = true;
        }
        for (std::uint32_t k = 0; k < m.relationCount(); ++k)
            leaves[m.relationLeaf(k)] = relations[k] ? 1.0 : 0.0;
    }

    void record(double time, const double *state)
    {
        result.times.push_back(time);
        if (!observer) return;
        fillLeaves(time, state);
        observer->evaluate(leaves.data(), obsOut.data(), obsWork.data());
        result.values.insert(result.values.end(), obsOut.begin(), obsOut.end());
    }

    /// Record every output time strictly before `limit` (interpolating inside the last step),
    /// or up to and including it when inclusive.
    void recordUntil(double limit, bool inclusive, bool interpolate)
    {
        while (nextOutput <= std::size_t(outputs)) {
            const double tau = outputTime(int(nextOutput));
            const bool due = inclusive ? tau <= limit + eps : tau < limit - eps;
            if (!due) break;
            if (interpolate && std::fabs(tau - t) > eps) {
                sim.m_solver->interpolate(tau, ytmp.data());
                record(tau, ytmp.data());
            } else {
                record(tau, y.data());
            }
            ++nextOutput;
        }
    }

    // ---------------------------------------------------------------- events
    void updateRelations(const std::vector<int> *dirs)
    {
        if (m.relationCount() == 0) return;
        fillLeaves(t, y.data());
        m.rootTape.evaluate(leaves.data(), g.data(), rootWork.data());
        for (std::uint32_t k = 0; k < m.relationCount(); ++k) {
            const expr::Op op = m.relations[k].op;
            if (dirs && (*dirs)[k] != 0) {
                relations[k] = afterCrossing(op, (*dirs)[k]);
            } else {
                const bool fresh = relationHolds(op, g[k]);
                // Right at a crossing g may sit a rounding error on the wrong side; keep the
                // value the crossing gave until g clearly moves away.
                const bool tiny = std::fabs(g[k]) <= 1e-10 * std::max(1.0, std::fabs(t));
                if (!(tiny && haveRelations)) relations[k] = fresh;
            }
        }
        haveRelations = true;
    }
    bool haveRelations = false;
    bool paramsInLeaves = false;

    void evaluateTriggers()
    {
        if (m.events.empty()) return;
        fillLeaves(t, y.data());
        m.triggerTape.evaluate(leaves.data(), triggerValues.data(), trigWork.data());
    }

    void evaluateEventMaths()
    {
        fillLeaves(t, y.data());
        m.eventTape.evaluate(leaves.data(), eventValues.data(), evWork.data());
    }

    void triggerEvent(std::size_t e)
    {
        const CompiledEvent &ev = m.events[e];
        evaluateEventMaths();
        double delay = 0;
        if (ev.hasDelay) {
            delay = eventValues[ev.delayOutput];
            if (!(delay >= 0)) throw SolverError("event " + ev.id + " has a negative or undefined delay at t = " + std::to_string(t));
        }
        Pending pnd{e, t + delay, sequence++, false, {}};
        if (ev.useValuesFromTriggerTime) {
            pnd.haveValues = true;
            for (const auto &a : ev.assignments) pnd.values.push_back(eventValues[a.valueOutput]);
        }
        pending.push_back(std::move(pnd));
    }

    /// Compare triggers with their previous values: fire rising ones, cancel falling
    /// non-persistent ones.
    void scanTriggers()
    {
        evaluateTriggers();
        for (std::size_t e = 0; e < m.events.size(); ++e) {
            const bool now = triggerValues[m.events[e].triggerOutput] != 0.0;
            if (now && !prevTrigger[e]) triggerEvent(e);
            if (!now && prevTrigger[e] && !m.events[e].persistent)
                pending.erase(std::remove_if(pending.begin(), pending.end(),
                                             [&](const Pending &x) { return x.event == e; }),
                              pending.end());
            prevTrigger[e] = now;
        }
    }

    void execute(const Pending &pnd)
    {
        const CompiledEvent &ev = m.events[pnd.event];
        std::vector<double> values = pnd.values;
        if (!pnd.haveValues) {
            evaluateEventMaths();
            for (const auto &a : ev.assignments) values.push_back(eventValues[a.valueOutput]);
        }
        // Concentration species: amount = assigned concentration x the compartment size *before*
        // this event's assignments (all assignments of an event act simultaneously; case 01780).
        bool needVolumes = false;
        std::vector<char> assigned(y.size(), 0);
        for (const auto &a : ev.assignments) {
            const int s = m.stateIndex(a.id);
            if (s < 0) continue;
            assigned[s] = 1;
            if (m.stateIsConcentrationAmount[s] || m.states[s].kind == StateKind::Compartment) needVolumes = true;
        }
        if (needVolumes) {
            fillLeaves(t, y.data());
            m.volumeTape.evaluate(leaves.data(), volumes.data(), volWork.data());
        }
        for (std::size_t i = 0; i < ev.assignments.size(); ++i) {
            const int s = m.stateIndex(ev.assignments[i].id);
            if (s < 0) continue;
            y[s] = m.stateIsConcentrationAmount[s] ? values[i] * volumes[s] : values[i];
        }
        if (!needVolumes) return;
        // A compartment resized by the event keeps the amounts of its species: concentrations
        // held directly as states (rate-rule species) are rescaled (case 01505).
        std::vector<double> before = volumes;
        fillLeaves(t, y.data());
        m.volumeTape.evaluate(leaves.data(), volumes.data(), volWork.data());
        for (std::size_t s = 0; s < y.size(); ++s)
            if (m.stateIsConcentrationValue[s] && !assigned[s] && volumes[s] != before[s] && volumes[s] != 0)
                y[s] *= before[s] / volumes[s];
    }

    /// Everything due at the current time: triggers that rose (dirs from a root return),
    /// delayed executions, cascades. Returns true if the state changed.
    bool processEvents(const std::vector<int> *dirs)
    {
        if (m.events.empty()) return false;
        updateRelations(dirs);
        scanTriggers();
        bool changed = false;
        for (int guard = 0;; ++guard) {
            if (guard > 100000) throw SolverError("events keep firing at t = " + std::to_string(t));
            int best = -1;
            double bestPriority = -std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < pending.size(); ++i) {
                if (pending[i].time > t + eps) continue;
                const CompiledEvent &ev = m.events[pending[i].event];
                double pr = -std::numeric_limits<double>::infinity();
                if (ev.hasPriority) {
                    evaluateEventMaths();
                    pr = eventValues[ev.priorityOutput];
                }
                if (best < 0 || pr > bestPriority ||
                    (pr == bestPriority && pending[i].sequence < pending[best].sequence)) {
                    best = int(i);
                    bestPriority = pr;
                }
            }
            if (best < 0) break;
            Pending pnd = pending[best];
            pending.erase(pending.begin() + best);
            execute(pnd);
            changed = true;
            updateRelations(nullptr);
            scanTriggers();
        }
        return changed;
    }

    double nextStop() const
    {
        double stop = req.end;
        if (nextChange < schedule.size()) stop = std::min(stop, schedule[nextChange].time);
        for (const auto &pnd : pending) stop = std::min(stop, pnd.time);
        return std::max(stop, t);
    }

    bool applySchedule()
    {
        bool any = false;
        while (nextChange < schedule.size() && schedule[nextChange].time <= t + eps) {
            p[schedule[nextChange].parameter] = schedule[nextChange].value;
            paramsInLeaves = false;
            ++nextChange;
            any = true;
        }
        return any;
    }

    void restart()
    {
        sim.m_solver->setParameters(p);
        sim.m_solver->reset(t, y.data());
    }

    void checkCancel() const
    {
        if (req.cancel && req.cancel->load(std::memory_order_relaxed)) throw SolverError("cancelled");
    }

    void go(const std::vector<double> &y0)
    {
        if (!(req.end >= req.start)) throw SolverError("the end time is before the start time");
        y = y0;
        t = req.start;
        applySchedule();
        // t0: triggers start from their initialValue; a true trigger with initialValue=false fires.
        for (std::size_t e = 0; e < m.events.size(); ++e) prevTrigger[e] = m.events[e].initialValue;
        processEvents(nullptr);
        restart();
        recordUntil(t, true, false);
        while (true) {
            checkCancel();
            const double stop = nextStop();
            if (stop <= t + eps && t >= req.end - eps) break;
            if (stop > t + eps) {
                double reached = t;
                const auto kind = sim.m_solver->step(stop, reached);
                t = reached;
                std::memcpy(y.data(), sim.m_solver->state(), sizeof(double) * y.size());
                if (kind == CvodeSolver::StepResult::Step) {
                    recordUntil(t, false, true);
                    if (!m.events.empty()) catchMissedCrossings();
                    continue;
                }
                recordUntil(t, false, true);
                if (kind == CvodeSolver::StepResult::Root) {
                    processEvents(&sim.m_solver->rootsFound());
                    recordUntil(t, true, false);   // output times at the root: post-event values
                    restart();
                    if (t >= req.end - eps) { recordUntil(req.end, true, false); break; }
                    continue;
                }
                t = stop;   // StopTime: exactly at the requested time
            }
            applySchedule();
            processEvents(nullptr);
            recordUntil(t, true, false);
            if (t >= req.end - eps) break;
            restart();
        }
        recordUntil(req.end, true, false);
        result.finalState = y;
        result.finalParameters = p;
        result.stats = sim.m_solver->stats();
    }

    /// CVODE does not report a root when g starts at exactly 0 (e.g. a trigger "time > 0" at
    /// t0 = 0). After each step, a relation that changed value without a root return is
    /// handled here, at the end of that step.
    void catchMissedCrossings()
    {
        if (m.relationCount() == 0) return;
        fillLeaves(t, y.data());
        m.rootTape.evaluate(leaves.data(), g.data(), rootWork.data());
        bool changed = false;
        for (std::uint32_t k = 0; k < m.relationCount(); ++k) {
            if (std::fabs(g[k]) <= 1e-10 * std::max(1.0, std::fabs(t))) continue;
            if (relationHolds(m.relations[k].op, g[k]) != bool(relations[k])) changed = true;
        }
        if (!changed) return;
        processEvents(nullptr);
        restart();
    }
};

Simulator::Simulator(std::shared_ptr<const CompiledModel> model, const SolverSettings &settings)
    : m_model(std::move(model)), m_solver(std::make_unique<CvodeSolver>(m_model, settings))
{
    m_initWork = m_model->initTape.makeWorkspace();
    m_leaves.assign(m_model->leafCount(), 0.0);
}

Simulator::~Simulator() = default;

std::vector<double> Simulator::initialState(const std::vector<double> &p, double t0)
{
    std::vector<double> table = p;
    return initialise(table, t0);
}

std::vector<double> Simulator::initialise(std::vector<double> &p, double t0)
{
    if (p.size() != m_model->parameterCount()) throw SolverError("parameter table has the wrong size");
    std::fill(m_leaves.begin(), m_leaves.end(), 0.0);
    m_leaves[0] = t0;
    std::copy(p.begin(), p.end(), m_leaves.begin() + 1 + m_model->stateCount());
    const std::size_t n = m_model->stateCount();
    std::vector<double> out(m_model->initTape.outputCount());
    m_model->initTape.evaluate(m_leaves.data(), out.data(), m_initWork.data());
    for (std::size_t k = 0; k < m_model->computedParameters.size(); ++k) p[m_model->computedParameters[k]] = out[n + k];
    out.resize(n);
    return out;
}

SimulationResult Simulator::run(const std::vector<double> &params, const std::vector<double> *y0,
                                const SimulationRequest &request, const expr::Tape *observer)
{
    if (params.size() != m_model->parameterCount()) throw SolverError("parameter table has the wrong size");
    Run run(*this, params, request, observer);
    run.applySchedule();
    std::vector<double> start = initialise(run.p, request.start);
    if (y0) start = *y0;
    if (start.size() != m_model->stateCount()) throw SolverError("initial state has the wrong size");
    for (std::size_t i = 0; i < start.size(); ++i)
        if (std::isnan(start[i]))
            throw SolverError("the initial value of " + m_model->states[i].id + " is not a number");
    // Keep the computed initial-assignment values, undo the t0 schedule (go() re-applies it).
    std::vector<double> table = params;
    for (std::uint32_t k : m_model->computedParameters) table[k] = run.p[k];
    run.nextChange = 0;
    run.p = table;
    run.paramsInLeaves = false;
    if (!m_model->volumeTape.empty() && m_model->stateCount() > 0) {
        run.fillLeaves(request.start, start.data());
        std::vector<double> volumes(m_model->volumeTape.outputCount());
        m_model->volumeTape.evaluate(run.leaves.data(), volumes.data(), run.volWork.data());
        if (volumes != m_lastVolumes) {
            m_solver->scaleAbsoluteTolerances(volumes);
            m_lastVolumes = volumes;
        }
    }
    m_solver->beginRun();
    if (m_model->relationCount() > 0 && request.steps > 0)
        m_solver->setMaxStep((request.end - request.start) / request.steps);
    else
        m_solver->setMaxStep(0);
    run.go(start);
    return std::move(run.result);
}

}  // namespace ferroscope::core
